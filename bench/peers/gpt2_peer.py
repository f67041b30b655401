#!/usr/bin/env python3
"""The PyTorch peer of `bookcheck bench`: the same GPT-2-layout model, shapes, batch and step.

A step is forward + cross-entropy + backward + gradient clipping at norm 1 + torch.optim.AdamW
(non-foreach, lr 3e-4, no weight decay) on one batch of random byte tokens, float32, vocabulary 256:
fused QKV projection with bias, pre-norm blocks, 4·C tanh-GELU MLP, output head tied to the token
embedding, learned positions; initialised as GPT-2 (N(0, 0.02²), residual projections scaled by
1/sqrt(2·layers)). Prints one line per shape:

    peer <shape> params <n> median <ms> min <ms> max <ms> steps <k> threads <t>
"""
import argparse
import math
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB = 256
# name: (T, C, heads, layers, batch), the shapes of org.bookcheck.model.TrainingBenchmark
SHAPES = {"S": (64, 128, 4, 4, 8), "M": (128, 256, 8, 6, 8)}
# Parameter counts `bookcheck bench` prints; the peer must have exactly as many.
PARAMETERS = {"S": 834_304, "M": 4_837_376}


class Block(nn.Module):
    def __init__(self, c, heads, t):
        super().__init__()
        self.heads = heads
        self.ln1 = nn.LayerNorm(c)
        self.qkv = nn.Linear(c, 3 * c)
        self.proj = nn.Linear(c, c)
        self.ln2 = nn.LayerNorm(c)
        self.fc = nn.Linear(c, 4 * c)
        self.fc_proj = nn.Linear(4 * c, c)
        self.register_buffer("mask", torch.tril(torch.ones(t, t, dtype=torch.bool)), persistent=False)

    def forward(self, x):
        b, t, c = x.shape
        d = c // self.heads
        q, k, v = self.qkv(self.ln1(x)).split(c, dim=2)
        q = q.view(b, t, self.heads, d).transpose(1, 2)
        k = k.view(b, t, self.heads, d).transpose(1, 2)
        v = v.view(b, t, self.heads, d).transpose(1, 2)
        # torch 1.13 has no scaled_dot_product_attention: the explicit causal softmax(QKᵀ/√d)·V.
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(d))
        att = att.masked_fill(~self.mask[:t, :t], float("-inf")).softmax(dim=-1)
        y = (att @ v).transpose(1, 2).contiguous().view(b, t, c)
        x = x + self.proj(y)
        return x + self.fc_proj(F.gelu(self.fc(self.ln2(x)), approximate="tanh"))


class Gpt(nn.Module):
    def __init__(self, t, c, heads, layers):
        super().__init__()
        self.wte = nn.Embedding(VOCAB, c)
        self.wpe = nn.Embedding(t, c)
        self.blocks = nn.ModuleList(Block(c, heads, t) for _ in range(layers))
        self.ln_f = nn.LayerNorm(c)
        for name, p in self.named_parameters():
            if name.endswith("weight") and p.dim() == 2:
                std = 0.01 if name.startswith("wpe") else 0.02
                if name.endswith("proj.weight"):
                    std /= math.sqrt(2 * layers)
                nn.init.normal_(p, 0.0, std)
            elif name.endswith("bias") and "ln" not in name:
                nn.init.zeros_(p)

    def forward(self, idx, targets):
        b, t = idx.shape
        x = self.wte(idx) + self.wpe(torch.arange(t))
        for block in self.blocks:
            x = block(x)
        logits = F.linear(self.ln_f(x), self.wte.weight)  # the tied head
        return F.cross_entropy(logits.view(-1, VOCAB), targets.view(-1))


def run(shape, warmup, steps, seed):
    t, c, heads, layers, batch = SHAPES[shape]
    torch.manual_seed(seed)
    model = Gpt(t, c, heads, layers)
    n = sum(p.numel() for p in model.parameters())
    if n != PARAMETERS[shape]:
        sys.exit(f"peer model {shape} has {n} parameters, bookcheck's has {PARAMETERS[shape]}: the layouts differ")
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
                                  foreach=False)
    inputs = torch.randint(0, VOCAB, (batch, t))
    targets = torch.randint(0, VOCAB, (batch, t))

    def step():
        loss = model(inputs, targets)
        optimizer.zero_grad(set_to_none=False)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        if not math.isfinite(loss.item()):
            sys.exit(f"peer loss became {loss.item()}")

    for _ in range(warmup):
        step()
    millis = []
    for _ in range(steps):
        t0 = time.perf_counter()
        step()
        millis.append((time.perf_counter() - t0) * 1e3)
    return n, millis


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", default="S,M", help="shapes to run, comma-separated (default S,M)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    for shape in args.shape.split(","):
        n, millis = run(shape.strip().upper(), args.warmup, args.steps, args.seed)
        print(f"peer {shape.strip().upper()} params {n} median {statistics.median(millis):.1f} min {min(millis):.1f}"
              f" max {max(millis):.1f} steps {len(millis)} threads {torch.get_num_threads()}", flush=True)


if __name__ == "__main__":
    main()
