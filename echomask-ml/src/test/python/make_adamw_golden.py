"""Reference trajectories of torch.optim.AdamW for AdamWGoldenTest.

Two parameters (a 3x2 weight that is decayed and a 3-vector bias that is not, as the trainer
does for 1-D parameters) take five steps with given gradients and a different learning rate per
step, once without and once with global gradient-norm clipping
(torch.nn.utils.clip_grad_norm_). The gradients are small in some steps so that the placement of
epsilon (added to sqrt(v) / sqrt(1 - beta2^t), not to sqrt(v)) changes the result measurably.

Run with Debian's python3-torch:  /usr/bin/python3 make_adamw_golden.py
Writes ../resources/golden/train/adamw.json (float32 values as exact decimals).
"""
import json
import os

import numpy as np
import torch

BETAS = (0.9, 0.999)
EPS = 1e-3
WEIGHT_DECAY = 0.1
LEARNING_RATES = [0.05, 0.1, 0.08, 0.03, 0.01]
GRADIENT_SCALES = [1.0, 1e-3, 3.0, 1e-2, 0.5]


def run(w0, b0, grads, clip):
    w = torch.tensor(w0, requires_grad=True)
    b = torch.tensor(b0, requires_grad=True)
    opt = torch.optim.AdamW(
        [{"params": [w], "weight_decay": WEIGHT_DECAY}, {"params": [b], "weight_decay": 0.0}],
        lr=LEARNING_RATES[0], betas=BETAS, eps=EPS, foreach=False)
    steps = []
    for lr, (gw, gb) in zip(LEARNING_RATES, grads):
        for group in opt.param_groups:
            group["lr"] = lr
        w.grad = torch.tensor(gw)
        b.grad = torch.tensor(gb)
        if clip > 0:
            torch.nn.utils.clip_grad_norm_([w, b], clip)
        opt.step()
        steps.append({"weight": w.detach().numpy().ravel().tolist(), "bias": b.detach().numpy().ravel().tolist()})
    state_w = opt.state[w]
    return {
        "clip": clip,
        "steps": steps,
        "weight_m": state_w["exp_avg"].numpy().ravel().tolist(),
        "weight_v": state_w["exp_avg_sq"].numpy().ravel().tolist(),
    }


def main():
    rng = np.random.default_rng(7)
    w0 = rng.normal(size=(3, 2)).astype(np.float32)
    b0 = rng.normal(size=3).astype(np.float32)
    grads = [((rng.normal(size=(3, 2)) * s).astype(np.float32), (rng.normal(size=3) * s).astype(np.float32))
             for s in GRADIENT_SCALES]
    golden = {
        "torch_version": torch.__version__,
        "beta1": BETAS[0], "beta2": BETAS[1], "epsilon": EPS, "weight_decay": WEIGHT_DECAY,
        "learning_rates": LEARNING_RATES,
        "weight0": w0.ravel().tolist(), "bias0": b0.ravel().tolist(),
        "weight_grads": [g[0].ravel().tolist() for g in grads],
        "bias_grads": [g[1].ravel().tolist() for g in grads],
        "runs": [run(w0, b0, grads, 0.0), run(w0, b0, grads, 1.0)],
    }
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "train", "adamw.json")
    with open(out, "w") as f:
        json.dump(golden, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
