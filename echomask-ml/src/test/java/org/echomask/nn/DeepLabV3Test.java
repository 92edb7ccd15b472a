package org.echomask.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
