// The hot loop of ingest: stored pixel values to Hounsfield units for the common case (Rescale
// Slope 1, whole-number intercept). Written in C++ so it can be compiled twice, for AVX2 and
// for the baseline x86-64 the package targets, with the CPU choosing at load time
// (target_clones): AVX2 handles eight samples per instruction where the baseline handles four.
#include "CDicomInternal.hpp"

namespace {

const int32_t int16Lowest = -32768;
const int32_t int16Highest = 32767;

}  // namespace

#if defined(__x86_64__) && defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
long CDicom_MapStoredValuesWithOffset(const uint16_t *__restrict source,
                                      int16_t *__restrict destination, size_t count,
                                      int32_t mask, int32_t signBit, int32_t offset,
                                      int32_t paddingLower, int32_t paddingUpper,
                                      int16_t noData) {
  // Every step is branch-free and the accumulator 32-bit, so the loop vectorises.
  int32_t clamped = 0;
  for (size_t i = 0; i < count; i++) {
    // With signBit == 0 the xor/subtract pair is the identity (unsigned data).
    int32_t stored = ((int32_t(source[i]) & mask) ^ signBit) - signBit;
    // Wrapping addition, as two's complement hardware (and the Swift reference) does it.
    int32_t hu = int32_t(uint32_t(stored) + uint32_t(offset));
    clamped += int32_t(hu < int16Lowest) | int32_t(hu > int16Highest);
    int32_t bounded = hu < int16Lowest ? int16Lowest : (hu > int16Highest ? int16Highest : hu);
    int32_t padding = int32_t(stored >= paddingLower) & int32_t(stored <= paddingUpper);
    destination[i] = padding ? noData : int16_t(bounded);
  }
  return long(clamped);
}
