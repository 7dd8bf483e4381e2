#!/usr/bin/env bash
# Installs what building ties needs on a fresh Debian/Ubuntu machine: libclang (Oxigraph's
# RocksDB bindings are generated with bindgen at build time, and bindgen loads `libclang.so` or
# `libclang-N.so` at run time) and a C++ compiler. Does nothing when they are already there; says
# what to install when it cannot install it itself.
#
# A fresh Debian image ships `libclang-cpp.so.N` (the C++ API, which bindgen cannot use), so the
# check looks for the C library's own file names, and asks dpkg when the loader cache is unsure.
set -euo pipefail

have_libclang() {
  # LIBCLANG_PATH, as bindgen reads it, wins when set.
  if [ -n "${LIBCLANG_PATH:-}" ]; then
    ls "$LIBCLANG_PATH"/libclang.so* "$LIBCLANG_PATH"/libclang-[0-9]*.so* >/dev/null 2>&1 && return 0
  fi
  local f
  for f in /usr/lib/llvm-*/lib/libclang.so* /usr/lib/llvm-*/lib/libclang-[0-9]*.so* \
           /usr/lib/*-linux-gnu/libclang.so* /usr/lib/*-linux-gnu/libclang-[0-9]*.so* \
           /usr/lib64/libclang.so* /usr/local/lib/libclang.so*; do
    [ -e "$f" ] && return 0
  done
  return 1
}

missing=()
have_libclang || missing+=(libclang-dev)
command -v c++ >/dev/null 2>&1 || missing+=(g++)
command -v cargo >/dev/null 2>&1 || { echo "cargo is missing: install Rust from https://rustup.rs, then run this again" >&2; exit 1; }

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (libclang for bindgen, a C++ compiler for RocksDB)" >&2
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "please install: ${missing[*]} (libclang for bindgen, a C++ compiler for RocksDB), then run this again" >&2
    exit 1
  fi
fi
