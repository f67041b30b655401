#!/usr/bin/env python3
"""PyTorch reference for `bookcheck bench --backend gpu`: one training step of the same model, timed.

The model is bookcheck's GPT-2 layout at the `full` shape: byte vocabulary (256), context 1024, width
768, 12 heads, 12 pre-norm blocks (LN -> causal self-attention with one QKV map and W_O -> residual ->
LN -> 4C feed-forward with tanh GELU -> residual), final LN, logits through the token embedding (tied),
learned positions, cross-entropy; AdamW (lr 3e-4, betas 0.9/0.999, eps 1e-8, no weight decay) after
clipping the gradient to norm 1, as TrainingBenchmark steps. PyTorch eager: no torch.compile, no fused
kernels; attention written out (QK^T/sqrt(d), mask, softmax, AV) as bookcheck computes it, unless
--sdpa asks for torch's scaled_dot_product_attention. Products in float32 unless --tf32.

Prints one line per shape in the shape of bookcheck's bench table: median/min/max ms per step,
tokens/s, model TFLOP/s and MFU (same FLOP count: 6N per token for the parameters but the position
embeddings, plus 12*L*T*C for attention).
"""
import argparse
import math
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

SHAPES = {  # name: (context, channels, heads, layers, batch), as bookcheck's TrainingBenchmark
    "S": (64, 128, 4, 4, 8),
    "M": (128, 256, 8, 6, 8),
    "full": (1024, 768, 12, 12, 8),
}
VOCAB = 256


class Block(nn.Module):
    def __init__(self, c, heads, sdpa):
        super().__init__()
        self.heads, self.sdpa = heads, sdpa
        self.ln1 = nn.LayerNorm(c, eps=1e-5)
        self.qkv = nn.Linear(c, 3 * c)
        self.proj = nn.Linear(c, c)
        self.ln2 = nn.LayerNorm(c, eps=1e-5)
        self.fc = nn.Linear(c, 4 * c)
        self.fc_proj = nn.Linear(4 * c, c)

    def attention(self, x):
        b, t, c = x.shape
        d = c // self.heads
        q, k, v = self.qkv(x).split(c, dim=2)
        q, k, v = (z.view(b, t, self.heads, d).transpose(1, 2) for z in (q, k, v))
        if self.sdpa:
            y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        else:
            s = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(d))
            mask = torch.ones(t, t, dtype=torch.bool, device=x.device).triu(1)
            y = s.masked_fill(mask, float("-inf")).softmax(dim=-1) @ v
        return self.proj(y.transpose(1, 2).contiguous().view(b, t, c))

    def forward(self, x):
        x = x + self.attention(self.ln1(x))
        return x + self.fc_proj(F.gelu(self.fc(self.ln2(x)), approximate="tanh"))


class Gpt(nn.Module):
    def __init__(self, t, c, heads, layers, sdpa):
        super().__init__()
        self.wte = nn.Embedding(VOCAB, c)
        self.wpe = nn.Embedding(t, c)
        self.blocks = nn.ModuleList(Block(c, heads, sdpa) for _ in range(layers))
        self.lnf = nn.LayerNorm(c, eps=1e-5)
        for name, p in self.named_parameters():  # GPT-2's initialisation, as Gpt.initialise
            if p.dim() == 2:
                std = 0.01 if name == "wpe.weight" else 0.02
                if name.endswith("proj.weight"):
                    std /= math.sqrt(2 * layers)
                nn.init.normal_(p, 0.0, std)
            elif "ln" in name and name.endswith("weight"):
                nn.init.ones_(p)
            else:
                nn.init.zeros_(p)

    def forward(self, idx, targets):
        t = idx.shape[1]
        x = self.wte(idx) + self.wpe(torch.arange(t, device=idx.device))
        for block in self.blocks:
            x = block(x)
        logits = self.lnf(x) @ self.wte.weight.t()
        return F.cross_entropy(logits.view(-1, VOCAB), targets.view(-1))


def flops_per_step(model, t, c, layers, batch):
    n = sum(p.numel() for name, p in model.named_parameters() if name != "wpe.weight")
    return batch * t * (6 * n + 12 * layers * t * c)


def run(name, args):
    t, c, heads, layers, batch = SHAPES[name]
    torch.manual_seed(1)
    model = Gpt(t, c, heads, layers, args.sdpa).cuda()
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
                            foreach=True, fused=False)
    gen = torch.Generator(device="cuda").manual_seed(1)
    idx = torch.randint(0, VOCAB, (batch, t), device="cuda", generator=gen)
    targets = torch.randint(0, VOCAB, (batch, t), device="cuda", generator=gen)

    def step():
        loss = model(idx, targets)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        return loss

    for _ in range(args.warmup):
        step()
    torch.cuda.synchronize()
    millis = []
    for _ in range(args.steps):
        t0 = time.perf_counter()
        loss = step()
        torch.cuda.synchronize()
        millis.append((time.perf_counter() - t0) * 1000)
    if not math.isfinite(loss.item()):
        raise SystemExit(f"{name}: the loss became {loss.item()}")
    med = statistics.median(millis)
    tflops = flops_per_step(model, t, c, layers, batch) / (med / 1000) / 1e12
    params = sum(p.numel() for p in model.parameters())
    mfu = f"{100 * tflops / args.peak_tflops:.1f}%" if args.peak_tflops else "n/a"
    print(f"{name:<5} {params:>12,} {batch * t:>8} {med:>10.1f} {min(millis):>10.1f} {max(millis):>10.1f} "
          f"{batch * t * 1000 / med:>10,.0f} {tflops:>9.2f} {mfu:>6}  loss {loss.item():.4f}", flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--shape", default="S,M,full", help="shapes to run (default S,M,full)")
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--tf32", action="store_true", help="TF32 tensor-core products (float32 otherwise)")
    p.add_argument("--sdpa", action="store_true", help="torch's fused scaled_dot_product_attention")
    p.add_argument("--peak-tflops", type=float, default=None,
                   help="peak for MFU (default: H100/H200 SXM, 67 float32 or 494.7 TF32 dense)")
    args = p.parse_args()
    torch.backends.cuda.matmul.allow_tf32 = args.tf32
    torch.backends.cudnn.allow_tf32 = args.tf32
    device = torch.cuda.get_device_name(0)
    if args.peak_tflops is None and ("H100" in device or "H200" in device):
        args.peak_tflops = 494.7 if args.tf32 else 67.0
    print(f"PyTorch {torch.__version__}, CUDA {torch.version.cuda}, {device}; eager, "
          f"{'TF32' if args.tf32 else 'float32'} products, attention {'SDPA' if args.sdpa else 'written out'}; "
          f"{args.warmup} warm-up, {args.steps} timed steps; a step = forward + backward + clip + AdamW")
    print(f"{'shape':<5} {'params':>12} {'tokens':>8} {'median ms':>10} {'min ms':>10} {'max ms':>10} "
          f"{'tokens/s':>10} {'TFLOP/s':>9} {'MFU':>6}")
    for name in args.shape.split(","):
        run(name.strip(), args)


if __name__ == "__main__":
    main()
