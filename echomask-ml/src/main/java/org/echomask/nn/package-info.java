/**
 * Network building blocks on DJL's PyTorch engine, built from scratch (no pretrained weights).
 *
 * <ul>
 * <li>Feature extractors: {@link org.echomask.nn.BackboneSpec} (validated, JSON) →
 *     {@link org.echomask.nn.Backbones#create} → {@link org.echomask.nn.Backbone}, always ending
 *     in an {@code (N, C, h, w)} map: ResNet-18/34/50, ConvNeXt(-Tiny layout), ViT(-B/16 layout),
 *     DeiT(-Tiny layout, with distillation token), MobileNetV3-Large/Small. At width 1.0 with 3
 *     input channels their trainable parameter counts equal torchvision's feature extractors
 *     (tested against numbers from {@code src/test/python/torchvision_reference.py}).</li>
 * <li>Segmentation: {@link org.echomask.nn.DeepLabV3} / {@link org.echomask.nn.SegmenterSpec}.</li>
 * <li>Reusable blocks: {@link org.echomask.nn.Activations} (hard-sigmoid, hard-swish),
 *     {@link org.echomask.nn.SqueezeExcitation}, {@link org.echomask.nn.LayerNorm2d},
 *     {@link org.echomask.nn.Upsample} (bilinear, differentiable), {@link org.echomask.nn.Pooling},
 *     {@link org.echomask.nn.MultiHeadAttention} (self- or cross-attention),
 *     {@link org.echomask.nn.Layers} (conv/BN factories, initialisers, parameter counts).</li>
 * </ul>
 *
 * <p>Initialisation and BatchNorm settings follow torchvision (see {@link org.echomask.nn.Layers});
 * every parameter carries its own initialiser, so trainers must not add global ones.
 *
 * <p>Cost of the defaults ({@link org.echomask.nn.BackboneSpec#defaults}): forward + backward
 * per example, batch 32 of 1×128×128, PyTorch 2.7.1 on the 2 shared CPU cores of the development
 * machine, fastest of 7 interleaved rounds ({@code bench/backbones.sh}); rough, the machine is
 * shared:
 * <pre>
 * backbone            trainable   ms/example   × resnet18
 * resnet18 ×0.25        700,528      1.4–1.6       1.0
 * resnet34 ×0.25      1,333,680      2.3–2.4       1.5
 * resnet50 ×0.25      1,479,408      4.5–4.6       3.0–3.2
 * convnext ×0.25 d6   1,240,584      3.8–4.2       2.7
 * vit ×0.25 d4        1,841,856      4.3–4.6       3.0–3.1
 * deit ×1.0 d4        1,842,240      4.5–4.6       3.0–3.2
 * mobilenetv3 ×0.4      516,128      3.8–4.2       2.7
 * mobilenetv3-small     926,720      3.2–3.7       2.3
 * DeepLabV3 (none)      996,401      4.7–5.0       3.2–3.4
 * </pre>
 * The default segmenter is now DeepLabV3+ (decoder {@code plus}, 1,042,897 trainable; not
 * benchmarked here, its few-shot runs took about a quarter longer than DeepLabV3's, docs/results.md).
 * With other processes on the cores, libtorch's two OpenMP threads spin at their barriers and
 * everything slows down several-fold; {@code OMP_WAIT_POLICY=PASSIVE} avoids that at about 30 %
 * cost on an idle machine.
 */
package org.echomask.nn;
