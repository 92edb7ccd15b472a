package org.echomask.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.echomask.EchomaskException;
import org.echomask.io.Json;
import org.junit.jupiter.api.Test;

class DeepLabV3Test {

    @Test
    void logitsHaveTheInputSizeForDilatedCnnsAndTransformers() {
        List<BackboneSpec> backbones = List.of(DeepLabV3.defaults().backbone(),
                BackboneSpec.defaults("mobilenetv3-small").withOutputStride(16).withInChannels(3),
                BackboneSpec.defaults("deit").withDepth(1));
        for (BackboneSpec backbone : backbones) {
            Block net = DeepLabV3.create(backbone, 3, new int[] {1, 2}, 16);
            try (NDManager manager = NetTesting.engine().newBaseManager()) {
                Shape in = new Shape(2, backbone.inChannels(), 64, 64);
                NDArray out = NetTesting.run(manager, net, in, false);
                assertThat(out.getShape()).as(backbone.describe()).isEqualTo(new Shape(2, 3, 64, 64));
                assertThat(net.getOutputShapes(new Shape[] {in})[0]).isEqualTo(new Shape(2, 3, 64, 64));
            }
        }
    }

    @Test
    void batchOfOneWorksInInferenceAndInTraining() {
        Block net = DeepLabV3.create(DeepLabV3.defaults());
        try (NDManager manager = NetTesting.engine().newBaseManager()) {
            Shape one = new Shape(1, 1, 64, 64);
            assertThat(NetTesting.run(manager, net, one, false).getShape()).isEqualTo(new Shape(1, 1, 64, 64));
            NDArray x = manager.randomNormal(one);
            NDArray train = net.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
            assertThat(NetTesting.allFinite(train.toFloatArray())).isTrue();
        }
    }

    @Test
    void specValidatesAndRoundTripsThroughJson() {
        SegmenterSpec spec = DeepLabV3.defaults();
        assertThat(spec.backbone()).isEqualTo(new BackboneSpec("resnet18", 0.25, 1, 8, 0));
        assertThat(spec.atrousRates()).containsExactly(2, 4, 6);
        assertThat(Json.read(Json.write(spec), SegmenterSpec.class)).isEqualTo(spec);
        assertThat(Json.write(spec)).contains("\"num_classes\" : 1", "\"aspp_channels\" : 64", "\"atrous_rates\"");
        assertThatThrownBy(() -> spec.withBackbone(BackboneSpec.defaults("resnet18")))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("output_stride must be 8 or 16");
        assertThatThrownBy(() -> DeepLabV3.create(spec.backbone(), 0, new int[] {2}, 64))
                .hasMessageContaining("num_classes");
        assertThatThrownBy(() -> DeepLabV3.create(spec.backbone(), 2, new int[] {}, 64))
                .hasMessageContaining("atrous_rates");
        assertThatThrownBy(() -> DeepLabV3.create(spec.backbone(), 2, new int[] {0}, 64))
                .hasMessageContaining("atrous rates");
        assertThatThrownBy(() -> Json.read(Json.write(spec).replace("\"aspp_channels\"", "\"aspp\""), SegmenterSpec.class))
                .isInstanceOf(EchomaskException.class);
    }

    /** DeepLabV3+ keeps the input size for sides that are not multiples of 4 or 8, on ResNets and MobileNetV3s. */
    @Test
    void plusDecoderLogitsHaveTheInputSizeForOddSizes() {
        List<BackboneSpec> backbones = List.of(DeepLabV3.defaults().backbone(),
                BackboneSpec.defaults("resnet50").withWidthMultiplier(0.125).withOutputStride(16),
                BackboneSpec.defaults("mobilenetv3-small").withOutputStride(8).withWidthMultiplier(0.25));
        for (BackboneSpec backbone : backbones) {
            SegmenterSpec spec = new SegmenterSpec(backbone, 2, List.of(1, 2), 16, SegmenterSpec.DECODER_PLUS);
            Block net = DeepLabV3.create(spec);
            try (NDManager manager = NetTesting.engine().newBaseManager()) {
                Shape in = new Shape(2, 1, 37, 51);
                NDArray out = NetTesting.run(manager, net, in, true);
                assertThat(out.getShape()).as(spec.describe()).isEqualTo(new Shape(2, 2, 37, 51));
                assertThat(net.getOutputShapes(new Shape[] {in})[0]).isEqualTo(new Shape(2, 2, 37, 51));
                assertThat(NetTesting.allFinite(out.toFloatArray())).isTrue();
            }
        }
    }

    @Test
    void plusDecoderIsRefusedForBackbonesWithoutAStride4Map() {
        SegmenterSpec spec = DeepLabV3.defaults();
        SegmenterSpec deit = spec.withDecoder(SegmenterSpec.DECODER_NONE).withBackbone(BackboneSpec.defaults("deit").withDepth(1));
        assertThatThrownBy(() -> deit.withDecoder("plus"))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("deit").hasMessageContaining("stride-4");
        assertThatThrownBy(() -> spec.withDecoder("plus+")).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("decoder");
    }

    /** One backward pass of the summed logits puts a non-zero gradient on the low-level projection. */
    @Test
    void gradientsReachTheLowLevelProjection() {
        NetTesting.engine().setRandomSeed(11);
        Block net = DeepLabV3.create(DeepLabV3.defaults().withNumClasses(2).withDecoder(SegmenterSpec.DECODER_PLUS));
        try (Model model = Model.newInstance("plus-gradients", NetTesting.engine().getEngineName())) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                Shape shape = new Shape(2, 1, 40, 40);
                trainer.initialize(shape);
                NDManager manager = trainer.getManager();
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray out = trainer.forward(new NDList(manager.randomNormal(shape))).singletonOrThrow();
                    // weight the logits unevenly so the gradient is not cancelled by the softmax-free sum
                    collector.backward(out.mul(manager.randomNormal(out.getShape())).sum());
                }
                int checked = 0;
                for (var entry : net.getParameters()) {
                    if (entry.getKey().contains("lowLevel") && entry.getValue().requiresGradient()) {
                        float[] g = entry.getValue().getArray().getGradient().toFloatArray();
                        assertThat(NetTesting.maxAbs(g)).as(entry.getKey()).isGreaterThan(0);
                        checked++;
                    }
                }
                assertThat(checked).as("conv weight, BN gamma and beta of the projection").isEqualTo(3);
            }
        }
    }

    /** Saved weights load into a freshly built V3+ network and give bit-identical logits; backbone names are V3's. */
    @Test
    void plusDecoderSavesAndReloadsExactly() throws IOException, MalformedModelException {
        SegmenterSpec spec = DeepLabV3.defaults().withNumClasses(2).withDecoder(SegmenterSpec.DECODER_PLUS);
        Block trained = DeepLabV3.create(spec);
        try (NDManager manager = NetTesting.engine().newBaseManager()) {
            Shape in = new Shape(2, 1, 48, 40);
            NetTesting.run(manager, trained, in, true); // moves the BatchNorm running statistics
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            trained.saveParameters(new DataOutputStream(bytes));
            Block loaded = DeepLabV3.create(spec);
            loaded.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            NDArray x = manager.randomNormal(in);
            ParameterStore store = new ParameterStore(manager, false);
            float[] expected = trained.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
            float[] actual = loaded.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
            assertThat(actual).containsExactly(expected);

            Block v3 = DeepLabV3.create(spec.withDecoder(SegmenterSpec.DECODER_NONE));
            v3.initialize(manager, DataType.FLOAT32, in);
            assertThat(trained.getParameters().keys().stream().filter(k -> k.startsWith("01backbone")).toList())
                    .isNotEmpty()
                    .isEqualTo(v3.getParameters().keys().stream().filter(k -> k.startsWith("01backbone")).toList());
        }
    }

    /** A model.json spec written before the decoder field existed loads as DeepLabV3 (decoder none). */
    @Test
    void specWithoutDecoderFieldLoadsAsNone() {
        String old = """
                {"backbone" : {"architecture" : "resnet18", "width_multiplier" : 0.25, "in_channels" : 1,
                  "output_stride" : 8, "depth" : 0},
                 "num_classes" : 2, "atrous_rates" : [ 2, 4, 6 ], "aspp_channels" : 64}""";
        SegmenterSpec spec = Json.read(old, SegmenterSpec.class);
        assertThat(spec.decoder()).isEqualTo(SegmenterSpec.DECODER_NONE);
        assertThat(spec).isEqualTo(new SegmenterSpec(new BackboneSpec("resnet18", 0.25, 1, 8, 0), 2, List.of(2, 4, 6), 64));
        assertThat(spec.describe()).startsWith("DeepLabV3 (");
        SegmenterSpec plus = spec.withDecoder(SegmenterSpec.DECODER_PLUS);
        assertThat(Json.write(plus)).contains("\"decoder\" : \"plus\"");
        assertThat(Json.read(Json.write(plus), SegmenterSpec.class)).isEqualTo(plus);
        assertThat(plus.describe()).startsWith("DeepLabV3+ (").contains("16 low-level channels");
    }

    /** Plain SGD on bright rectangles in noise: the training loss falls well below its start. */
    @Test
    void sgdStepsOnToyRectanglesReduceTheLoss() {
        NetTesting.engine().setRandomSeed(3);
        Block net = DeepLabV3.create(DeepLabV3.defaults().withBackbone(new BackboneSpec("resnet18", 0.25, 1, 8, 0)));
        try (Model model = Model.newInstance("toy-segmentation", NetTesting.engine().getEngineName())) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f)).optMomentum(0.9f).build());
            try (Trainer trainer = model.newTrainer(config)) {
                Shape shape = new Shape(4, 1, 64, 64);
                trainer.initialize(shape);
                NDManager manager = trainer.getManager();
                NDList[] batch = rectangles(manager, shape, new Random(5));
                float[] losses = new float[16];
                for (int step = 0; step < losses.length; step++) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList predictions = trainer.forward(batch[0]);
                        NDArray loss = trainer.getLoss().evaluate(batch[1], predictions);
                        losses[step] = loss.getFloat();
                        collector.backward(loss);
                    }
                    trainer.step();
                }
                float start = (losses[0] + losses[1]) / 2;
                float end = (losses[losses.length - 1] + losses[losses.length - 2]) / 2;
                assertThat(end).as("losses %s", java.util.Arrays.toString(losses)).isLessThan(0.6f * start);
            }
        }
    }

    /** Images: noise plus one bright rectangle each; labels: the rectangle's mask. */
    private static NDList[] rectangles(NDManager manager, Shape shape, Random random) {
        int n = (int) shape.get(0);
        int h = (int) shape.get(2);
        int w = (int) shape.get(3);
        float[] image = new float[n * h * w];
        float[] mask = new float[n * h * w];
        for (int i = 0; i < n; i++) {
            int top = random.nextInt(h / 2);
            int left = random.nextInt(w / 2);
            int bottom = top + 12 + random.nextInt(h / 3);
            int right = left + 12 + random.nextInt(w / 3);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int k = (i * h + y) * w + x;
                    boolean inside = y >= top && y < bottom && x >= left && x < right;
                    image[k] = (float) (0.3 * random.nextGaussian()) + (inside ? 1.5f : 0f);
                    mask[k] = inside ? 1f : 0f;
                }
            }
        }
        return new NDList[] {new NDList(manager.create(image, shape)), new NDList(manager.create(mask, shape))};
    }
}
