// Accessors for the fixed-size arrays of libnifti2's nifti_image, which import into Swift as
// awkward tuples, and a header read that keeps libnifti2's messages off stderr.
#define _GNU_SOURCE
#include "CNifti.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// libnifti2 prints to the C stream `stderr`, which is swapped for a memory stream while it
// reads a header: one read at a time, so two reads never swap it over each other. Another
// thread's C stdio output to stderr in that moment (none in ctcase: Swift writes its
// diagnostics to file descriptor 2 directly) would be kept and dropped too.
static pthread_mutex_t stderrSwap = PTHREAD_MUTEX_INITIALIZER;

// Copies the first non-empty line of `text` after its last ": " into `message`.
static void firstLine(const char *text, char *message, size_t messageLength) {
  if (message == NULL || messageLength == 0) return;
  message[0] = 0;
  if (text == NULL) return;
  while (*text == '\n') text++;
  size_t length = strcspn(text, "\n");
  const char *start = text;
  for (const char *p = text; p + 1 < text + length; p++) {
    if (p[0] == ':' && p[1] == ' ') start = p + 2;
  }
  size_t kept = (size_t)(text + length - start);
  if (kept >= messageLength) kept = messageLength - 1;
  memcpy(message, start, kept);
  message[kept] = 0;
}

nifti_image *CNifti_ReadHeader(const char *path, char *message, size_t messageLength) {
  pthread_mutex_lock(&stderrSwap);
  char *printed = NULL;
  size_t printedLength = 0;
  FILE *capture = open_memstream(&printed, &printedLength);
  FILE *original = stderr;
  if (capture != NULL) stderr = capture;

  nifti_image *image = nifti_image_read(path, 0);

  stderr = original;
  if (capture != NULL) fclose(capture);
  pthread_mutex_unlock(&stderrSwap);
  firstLine(printed, message, messageLength);
  free(printed);
  return image;
}

double CNifti_AffineElement(const nifti_image *image, int useSform, int row, int column) {
  return useSform ? image->sto_xyz.m[row][column] : image->qto_xyz.m[row][column];
}

double CNifti_PixelDimension(const nifti_image *image, int index) { return image->pixdim[index]; }

int64_t CNifti_Dimension(const nifti_image *image, int index) { return image->dim[index]; }
