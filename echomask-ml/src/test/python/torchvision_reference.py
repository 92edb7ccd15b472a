#!/usr/bin/env python3
"""Reference numbers for the org.echomask.nn tests, computed with torchvision.

Writes echomask-ml/src/test/resources/org/echomask/nn/torchvision-reference.json:
  - parameter counts of the full-size feature extractors (3 input channels, no classifier head):
      resnet*            : the model without `fc`
      convnext           : convnext_tiny `features` + the LayerNorm2d that opens its classifier
                           (Echomask's backbone ends with that norm, the Linear is the head)
      vit                : vit_b_16 without `heads` (224x224: 196 patches + class token)
      deit               : DeiT-Tiny layout built from torchvision's ViT encoder (192 wide, 12 layers,
                           3 heads, MLP 768, class + distillation token, 224x224), without heads;
                           torchvision has no DeiT model
      mobilenetv3[-small]: mobilenet_v3_large/small `features` (ends in the 960/576-channel conv)
  - bilinear resizes (align_corners=False, no antialiasing) of tiny inputs, up, down and mixed,
    and the gradient of a weighted sum of each result, as torch.nn.functional.interpolate computes them.

Run: /usr/bin/python3 echomask-ml/src/test/python/torchvision_reference.py   (torch 1.13, torchvision 0.14)
"""
import json
import pathlib

import torch
import torch.nn.functional as F
import torchvision
from torchvision import models
from torchvision.models.vision_transformer import Encoder


def count(module):
    return sum(p.numel() for p in module.parameters())


def parameter_counts():
    counts = {}
    for name, factory in [("resnet18", models.resnet18), ("resnet34", models.resnet34), ("resnet50", models.resnet50)]:
        m = factory()
        counts[name] = count(m) - count(m.fc)
    m = models.convnext_tiny()
    counts["convnext"] = count(m.features) + count(m.classifier[0])
    m = models.vit_b_16()
    counts["vit"] = count(m) - count(m.heads)
    dim, patches = 192, (224 // 16) ** 2
    patch_embedding = torch.nn.Conv2d(3, dim, kernel_size=16, stride=16)
    encoder = Encoder(seq_length=patches + 2, num_layers=12, num_heads=3, hidden_dim=dim, mlp_dim=4 * dim,
                      dropout=0.0, attention_dropout=0.0)
    counts["deit"] = count(patch_embedding) + 2 * dim + count(encoder)
    counts["mobilenetv3"] = count(models.mobilenet_v3_large().features)
    counts["mobilenetv3-small"] = count(models.mobilenet_v3_small().features)
    return counts


def bilinear_case(height, width, out_height, out_width):
    x = torch.tensor([[((i * 7 + 3) % 11) - 4.5 + 0.25 * i for i in range(height * width)]],
                     dtype=torch.float32).reshape(1, 1, height, width).requires_grad_(True)
    y = F.interpolate(x, size=(out_height, out_width), mode="bilinear", align_corners=False)
    weights = torch.arange(out_height * out_width, dtype=torch.float32).reshape(1, 1, out_height, out_width)
    (y * weights).sum().backward()
    return {
        "input_shape": [1, 1, height, width],
        "input": x.detach().flatten().tolist(),
        "output_shape": [1, 1, out_height, out_width],
        "output": y.detach().flatten().tolist(),
        "weighted_sum_gradient": x.grad.flatten().tolist(),
    }


def main():
    out = pathlib.Path(__file__).resolve().parents[1] / "resources/org/echomask/nn/torchvision-reference.json"
    data = {
        "generated_by": "echomask-ml/src/test/python/torchvision_reference.py",
        "torch": torch.__version__,
        "torchvision": torchvision.__version__,
        "parameter_counts": parameter_counts(),
        "bilinear": [bilinear_case(2, 3, 4, 7), bilinear_case(5, 4, 3, 2), bilinear_case(3, 6, 5, 4)],
    }
    out.write_text(json.dumps(data, indent=2) + "\n")
    print(out)
    print(json.dumps(data["parameter_counts"], indent=2))


if __name__ == "__main__":
    main()
