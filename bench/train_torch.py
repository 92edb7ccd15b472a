"""PyTorch reference for Echomask's training-throughput benchmark (the Java side is DJL).

Usage (Debian's interpreter, which has python3-torch; a pyenv python3 on PATH has no torch):
  /usr/bin/python3 bench/train_torch.py --model none|concat|gated|xattn|all \
      [--batch 32] [--steps 60] [--warmup 10] [--threads 2] [--infer-steps 20]
  /usr/bin/python3 bench/train_torch.py --check

The networks are written layer for layer like echomask-ml's MaskGuidedClassifier, MaskEncoder and
fusions, so that Echomask examples/s / PyTorch examples/s compares the frameworks, not the models:
  spectrogram 1x128x128 -> ResNet-18 layout at width 0.25 (map 128x4x4) -> 1x1 conv to D=128 ->
  16 tokens; mask 1x128x128 -> 4 x [conv3x3/2, BN, ReLU] (16,32,64,128) -> 64 tokens;
  fusion none|concat|gated|xattn -> (N, D) -> LayerNorm -> Linear(D -> 3); BCE-with-logits;
  AdamW(lr 1e-3, weight decay 0.01, none on 1-D parameters).
Data are random tensors generated once and cycled, so the timing is the model step alone.
Per model it prints a table row (mean and median step time) and one JSON line (the only stdout
lines that start with '{').
Caveats for the ratio: Debian's torch links the netlib reference libblas (about 6 GFLOP/s, one
thread, for nn.Linear and matmul), while DJL's libtorch uses MKL, so the token-level linears of
xattn cost far more here than in an MKL build; convolutions run through oneDNN in both. Two
OpenMP threads on two cores shared with other jobs collapse (steps 10-50x slower), so run on a
quiet machine and compare the mean with the median step time.
--check prints the width-1.0 ResNet-18 parameter count next to torchvision's resnet18 minus fc.
"""
import argparse
import json
import math
import os
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

LATENT_DIM = 128
HEADS = 4
OUTPUTS = 3
INPUT_SIZE = 128
DATA_BATCHES = 32
MODELS = ("none", "concat", "gated", "xattn")


# ---------------------------------------------------------------- spectrogram backbone (ResNet-18)

class BasicBlock(nn.Module):
    """torchvision's BasicBlock: two 3x3 convs; 1x1-conv+BN shortcut when the shape changes."""

    def __init__(self, in_ch, out_ch, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(in_ch, out_ch, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_ch)
        self.conv2 = nn.Conv2d(out_ch, out_ch, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_ch)
        self.downsample = None
        if stride != 1 or in_ch != out_ch:
            self.downsample = nn.Sequential(nn.Conv2d(in_ch, out_ch, 1, stride, bias=False), nn.BatchNorm2d(out_ch))

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + identity)


class ResNet18Trunk(nn.Module):
    """ResNet-18 without avgpool/fc; width 0.25 gives stages 16, 32, 64, 128 (output stride 32)."""

    def __init__(self, in_channels=1, width=0.25):
        super().__init__()
        widths = [int(round(c * width)) for c in (64, 128, 256, 512)]
        self.out_channels = widths[-1]
        self.stem = nn.Sequential(
            nn.Conv2d(in_channels, widths[0], 7, 2, 3, bias=False), nn.BatchNorm2d(widths[0]), nn.ReLU(inplace=True),
            nn.MaxPool2d(3, 2, 1))
        stages = []
        in_ch = widths[0]
        for i, out_ch in enumerate(widths):
            stride = 1 if i == 0 else 2
            stages.append(nn.Sequential(BasicBlock(in_ch, out_ch, stride), BasicBlock(out_ch, out_ch, 1)))
            in_ch = out_ch
        self.stages = nn.Sequential(*stages)

    def forward(self, x):
        return self.stages(self.stem(x))


# ---------------------------------------------------------------- mask branch and fusions

def mask_encoder(latent_dim):
    """Four 3x3 stride-2 conv-BN-ReLU stages, like echomask's MaskEncoder (output stride 16)."""
    layers = []
    in_ch = 1
    for c in (16, 32, 64, latent_dim):
        layers += [nn.Conv2d(in_ch, c, 3, 2, 1, bias=False), nn.BatchNorm2d(c), nn.ReLU(inplace=True)]
        in_ch = c
    return nn.Sequential(*layers)


def tokens_of(feature_map):
    """(N, D, h, w) -> (N, h*w, D), as Tokens.fromMap (a view, no copy)."""
    return feature_map.flatten(2).transpose(1, 2)


class ConcatFusion(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(2 * d, d), nn.ReLU(), nn.Linear(d, d))

    def forward(self, s, m):
        zs, zm = s.mean(1), m.mean(1)
        return zs + self.mlp(torch.cat([zs, zm], 1))


class GatedFusion(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.gate = nn.Linear(2 * d, d)
        self.transform = nn.Linear(d, d)

    def forward(self, s, m):
        zs, zm = s.mean(1), m.mean(1)
        g = torch.sigmoid(self.gate(torch.cat([zs, zm], 1)))
        return zs + g * self.transform(zm)


class CrossAttentionFusion(nn.Module):
    """Spectrogram tokens attend to mask tokens; explicit matmuls like CrossAttentionFusion.java."""

    def __init__(self, d, heads, spec_tokens, mask_tokens):
        super().__init__()
        self.d, self.heads = d, heads
        self.query_norm = nn.LayerNorm(d)
        self.key_value_norm = nn.LayerNorm(d)
        self.query = nn.Linear(d, d)
        self.key = nn.Linear(d, d)
        self.value = nn.Linear(d, d)
        self.output = nn.Linear(d, d)
        self.mlp_norm = nn.LayerNorm(d)
        self.mlp = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))
        self.query_position = nn.Parameter(torch.randn(1, spec_tokens, d) * 0.02)
        self.key_position = nn.Parameter(torch.randn(1, mask_tokens, d) * 0.02)

    def split_heads(self, x):
        n, length, _ = x.shape
        return x.reshape(n, length, self.heads, self.d // self.heads).transpose(1, 2)

    def forward(self, s, m):
        q_in = self.query_norm(s) + self.query_position
        kv = self.key_value_norm(m)
        k_in = kv + self.key_position
        q = self.split_heads(self.query(q_in))
        k = self.split_heads(self.key(k_in))
        v = self.split_heads(self.value(kv))
        attention = torch.softmax(q.matmul(k.transpose(2, 3)) * (1.0 / math.sqrt(self.d / self.heads)), -1)
        o = attention.matmul(v)
        n, _, length, _ = o.shape
        attended = o.transpose(1, 2).reshape(n, length, self.d)
        t = s + self.output(attended)
        t = t + self.mlp(self.mlp_norm(t))
        return t.mean(1)


class MaskGuidedClassifier(nn.Module):
    """fusion 'none' is the image-only baseline: no mask branch, mean of spectrogram tokens."""

    def __init__(self, fusion, d=LATENT_DIM, heads=HEADS, outputs=OUTPUTS, size=INPUT_SIZE):
        super().__init__()
        self.fusion_kind = fusion
        self.backbone = ResNet18Trunk(in_channels=1, width=0.25)
        self.projection = nn.Conv2d(self.backbone.out_channels, d, 1, bias=True)
        self.mask_encoder = None
        self.fusion = None
        if fusion != "none":
            self.mask_encoder = mask_encoder(d)
            spec_tokens, mask_tokens = (size // 32) ** 2, (size // 16) ** 2
            self.fusion = {
                "concat": lambda: ConcatFusion(d),
                "gated": lambda: GatedFusion(d),
                "xattn": lambda: CrossAttentionFusion(d, heads, spec_tokens, mask_tokens),
            }[fusion]()
        self.embed_norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, outputs)

    def forward(self, spectrogram, mask):
        s = tokens_of(self.projection(self.backbone(spectrogram)))
        if self.fusion is None:
            z = s.mean(1)
        else:
            z = self.fusion(s, tokens_of(self.mask_encoder(mask)))
        return self.head(self.embed_norm(z))


# ---------------------------------------------------------------- counting and timing

def count(module):
    return 0 if module is None else sum(p.numel() for p in module.parameters())


def parameter_parts(model):
    return {
        "backbone": count(model.backbone),
        "projection": count(model.projection),
        "mask_encoder": count(model.mask_encoder),
        "fusion": count(model.fusion),
        "head": count(model.embed_norm) + count(model.head),
    }


def adamw(model):
    # Biases and norm scales/shifts (every 1-D parameter) get no weight decay.
    decay = [p for p in model.parameters() if p.dim() > 1]
    no_decay = [p for p in model.parameters() if p.dim() <= 1]
    return torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}],
                             lr=1e-3)


def make_data(batch, uses_mask, generator):
    shape = (batch, 1, INPUT_SIZE, INPUT_SIZE)
    data = []
    for _ in range(DATA_BATCHES):
        spec = torch.randn(shape, generator=generator)
        mask = (torch.rand(shape, generator=generator) < 0.5).float() if uses_mask else None
        labels = (torch.rand((batch, OUTPUTS), generator=generator) < 0.5).float()
        data.append((spec, mask, labels))
    return data


def bench_model(name, args):
    torch.manual_seed(0)
    model = MaskGuidedClassifier(name)
    data = make_data(args.batch, name != "none", torch.Generator().manual_seed(1))
    optimizer = adamw(model)
    loss_fn = nn.BCEWithLogitsLoss()

    def train_step(i):
        spec, mask, labels = data[i % len(data)]
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(spec, mask), labels)
        loss.backward()
        optimizer.step()
        return loss

    model.train()
    for i in range(args.warmup):
        train_step(i)
    # Per-step times as well as the total: on a shared machine the median shows what a step costs
    # when the cores are free, the total what the run actually got.
    step_s = []
    start = time.perf_counter()
    for i in range(args.steps):
        t = time.perf_counter()
        loss = train_step(args.warmup + i)
        step_s.append(time.perf_counter() - t)
    train_s = time.perf_counter() - start
    final_loss = loss.item()
    median_s = statistics.median(step_s)

    model.eval()
    with torch.no_grad():
        for i in range(3):
            model(data[i][0], data[i][1])
        start = time.perf_counter()
        for i in range(args.infer_steps):
            spec, mask, _ = data[i % len(data)]
            model(spec, mask)
        infer_s = time.perf_counter() - start

    parts = parameter_parts(model)
    return {
        "model": name,
        "params": count(model),
        "params_parts": parts,
        "batch": args.batch,
        "warmup": args.warmup,
        "steps": args.steps,
        "examples_per_s": round(args.steps * args.batch / train_s, 2),
        "ms_per_step": round(1000 * train_s / args.steps, 2),
        "median_ms_per_step": round(1000 * median_s, 2),
        "examples_per_s_at_median": round(args.batch / median_s, 2),
        "infer_ms_per_batch": round(1000 * infer_s / args.infer_steps, 2),
        "final_loss": round(final_loss, 4),
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
    }


def check():
    import torchvision
    trunk = count(ResNet18Trunk(in_channels=3, width=1.0))
    reference = torchvision.models.resnet18()
    expected = count(reference) - count(reference.fc)
    print(f"ResNet-18 trunk at width 1.0, 3 input channels: {trunk:,} parameters")
    print(f"torchvision {torchvision.__version__} resnet18 minus fc:         {expected:,} parameters")
    print("check " + ("passed" if trunk == expected else "FAILED"))
    return trunk == expected


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="all", choices=MODELS + ("all",))
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--infer-steps", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--check", action="store_true", help="compare the trunk with torchvision's resnet18 and exit")
    args = parser.parse_args()
    if args.check:
        raise SystemExit(0 if check() else 1)
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, batch {args.batch}, "
          f"warmup {args.warmup}, timed steps {args.steps}, load average {os.getloadavg()[0]:.2f}")
    header = (f"{'model':<7} {'params':>9} {'examples/s':>11} {'ms/step':>9} {'median ms/step':>15} "
              f"{'infer ms/batch':>15}")
    rows = []
    for name in (MODELS if args.model == "all" else (args.model,)):
        result = bench_model(name, args)
        result["load_average_1m"] = round(os.getloadavg()[0], 2)
        print(json.dumps(result), flush=True)
        rows.append(result)
    print(header)
    for r in rows:
        print(f"{r['model']:<7} {r['params']:>9,} {r['examples_per_s']:>11.1f} {r['ms_per_step']:>9.1f} "
              f"{r['median_ms_per_step']:>15.1f} {r['infer_ms_per_batch']:>15.1f}")


if __name__ == "__main__":
    main()
