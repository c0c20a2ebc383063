#ifndef CMALLOC_SHIM_H
#define CMALLOC_SHIM_H
#include <malloc.h>

/* glibc's mallopt, which Swift's Glibc module does not export: reconcile keeps one malloc arena (see
   MemoryTuning.swift). Named constants, because Swift does not import negative macro values reliably. */
static const int cmalloc_arena_max = M_ARENA_MAX;

#endif
