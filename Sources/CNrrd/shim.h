#ifndef CNRRD_SHIM_H
#define CNRRD_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <teem/nrrd.h>

// Accessors for teem's fixed-size per-axis arrays, which import into Swift as awkward tuples.

/// The number of samples along an axis (0 when the axis is out of range).
static inline size_t CNrrd_AxisSize(const Nrrd *nrrd, unsigned int axis) {
  return axis < nrrd->dim ? nrrd->axis[axis].size : 0;
}

/// The axis spacing field (NaN when not given).
static inline double CNrrd_AxisSpacing(const Nrrd *nrrd, unsigned int axis) {
  return axis < nrrd->dim ? nrrd->axis[axis].spacing : AIR_NAN;
}

/// Component `component` of the axis's space direction (NaN when the axis has none).
static inline double CNrrd_SpaceDirection(const Nrrd *nrrd, unsigned int axis,
                                          unsigned int component) {
  return axis < nrrd->dim && component < NRRD_SPACE_DIM_MAX
             ? nrrd->axis[axis].spaceDirection[component]
             : AIR_NAN;
}

/// Component `component` of the space origin (NaN when not given).
static inline double CNrrd_SpaceOrigin(const Nrrd *nrrd, unsigned int component) {
  return component < NRRD_SPACE_DIM_MAX ? nrrd->spaceOrigin[component] : AIR_NAN;
}

/// Loads only the header (skipData) when headerOnly != 0. Returns 0 on success; on failure the
/// message is in biff under NRRD (fetch with biffGetDone).
static inline int CNrrd_Load(Nrrd *nrrd, const char *path, int headerOnly) {
  NrrdIoState *io = nrrdIoStateNew();
  io->skipData = headerOnly ? AIR_TRUE : AIR_FALSE;
  int failed = nrrdLoad(nrrd, path, io);
  nrrdIoStateNix(io);
  return failed;
}

/// The accumulated teem error text for NRRD (malloc'd; the caller frees it), or NULL.
static inline char *CNrrd_TakeError(void) { return biffGetDone(NRRD); }
/// The detached data files a header names, as written in it (relative names are relative to the
/// header's folder), one per line, in reading order; "" for a NRRD with attached data. Handles
/// a single name, `LIST` and printf-style `format min max step` forms. Returns NULL when teem
/// cannot read the header (the message is in biff). The caller frees the result.
static inline char *CNrrd_DataFileNames(const char *path) {
  Nrrd *nrrd = nrrdNew();
  NrrdIoState *io = nrrdIoStateNew();
  io->skipData = AIR_TRUE;
  char *names = NULL;
  if (nrrdLoad(nrrd, path, io) == 0) {
    unsigned int count = _nrrdDataFNNumber(io);
    size_t size = 1;
    names = calloc(1, size);
    char formatted[AIR_STRLEN_HUGE];
    for (unsigned int i = 0; names != NULL && i < count; i++) {
      const char *name = io->dataFN != NULL && i < io->dataFNArr->len ? io->dataFN[i] : "";
      if (io->dataFNFormat != NULL) {
        snprintf(formatted, sizeof formatted, io->dataFNFormat,
                 io->dataFNMin + (int)i * io->dataFNStep);
        name = formatted;
      }
      size_t length = strlen(name);
      char *grown = realloc(names, size + length + 1);
      if (grown == NULL) {
        free(names);
        names = NULL;
        break;
      }
      names = grown;
      memcpy(names + size - 1, name, length);
      names[size - 1 + length] = '\n';
      names[size + length] = '\0';
      size += length + 1;
    }
  }
  nrrdIoStateNix(io);
  nrrdNuke(nrrd);
  return names;
}
#endif
