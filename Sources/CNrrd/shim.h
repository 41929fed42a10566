#ifndef CNRRD_SHIM_H
#define CNRRD_SHIM_H
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
#endif
