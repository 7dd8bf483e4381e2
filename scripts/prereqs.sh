#!/usr/bin/env bash
# Installs what building ties needs on a fresh Debian/Ubuntu machine: libclang (Oxigraph's
# RocksDB bindings are generated with bindgen at build time) and a C++ compiler. Does nothing
# when they are already there; says what to install when it cannot install it itself.
set -euo pipefail

have_libclang() {
  ls /usr/lib/llvm-*/lib/libclang*.so* /usr/lib/x86_64-linux-gnu/libclang*.so* >/dev/null 2>&1
}

missing=()
have_libclang || missing+=(libclang-dev)
command -v c++ >/dev/null 2>&1 || missing+=(g++)
command -v cargo >/dev/null 2>&1 || { echo "cargo is missing: install Rust from https://rustup.rs, then run this again" >&2; exit 1; }

if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "installing ${missing[*]} (needed to build Oxigraph's RocksDB store)" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "please install: ${missing[*]} (libclang for bindgen, a C++ compiler for RocksDB), then run this again" >&2
    exit 1
  fi
fi
