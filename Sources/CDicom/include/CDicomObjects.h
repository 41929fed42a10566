#ifndef CDICOM_OBJECTS_H
#define CDICOM_OBJECTS_H

// A small C interface over DCMTK for writing DICOM objects: a generic attribute set (used for
// the Encapsulated PDF and for the patient/study/series attributes every object carries), a
// Segmentation builder (dcmseg) and a TID 1500 Measurement Report builder (dcmsr/cmr).
//
// Every function that can fail returns 0 on success and a non-zero status otherwise, writing a
// one-line reason into `error` (at most `errorSize` bytes, NUL terminated). Handles are opaque
// and owned by the caller, who frees them with the matching Free function. Strings are UTF-8.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A coded concept: code value, coding scheme designator, code meaning.
typedef struct CDicomObjects_Code {
  const char *value;
  const char *scheme;
  const char *meaning;
} CDicomObjects_Code;

// MARK: Attribute sets

typedef struct CDicomObjects_Attributes CDicomObjects_Attributes;

CDicomObjects_Attributes *CDicomObjects_AttributesCreate(void);
void CDicomObjects_AttributesFree(CDicomObjects_Attributes *attributes);

/// Puts a string value (VR from the data dictionary); replaces any existing value.
int CDicomObjects_AttributesPutString(CDicomObjects_Attributes *attributes, uint16_t group,
                                      uint16_t element, const char *value, char *error,
                                      size_t errorSize);

/// Puts a binary (OB) value; replaces any existing value.
int CDicomObjects_AttributesPutBytes(CDicomObjects_Attributes *attributes, uint16_t group,
                                     uint16_t element, const uint8_t *bytes, size_t count,
                                     char *error, size_t errorSize);

/// Ensures the sequence exists with at least `itemIndex + 1` items (or empty when itemIndex
/// is negative), then puts a string value into item `itemIndex`.
int CDicomObjects_AttributesPutItemString(CDicomObjects_Attributes *attributes,
                                          uint16_t sequenceGroup, uint16_t sequenceElement,
                                          long itemIndex, uint16_t group, uint16_t element,
                                          const char *value, char *error, size_t errorSize);

/// Sets a value at a DCMTK path such as "(0008,1115)[0].(0008,114A)[2].(0008,1155)", creating
/// the sequences and items on the way. The value must not contain "=".
int CDicomObjects_AttributesPutPath(CDicomObjects_Attributes *attributes, const char *path,
                                    const char *value, char *error, size_t errorSize);

/// Writes the attributes as a DICOM Part 10 file in Explicit VR Little Endian.
int CDicomObjects_AttributesWriteFile(const CDicomObjects_Attributes *attributes,
                                      const char *path, char *error, size_t errorSize);

// MARK: Segmentation (binary, one frame per segment and slice)

typedef struct CDicomObjects_Segmentation CDicomObjects_Segmentation;

/// Creates an empty binary segmentation of `rows` x `columns` frames. The equipment strings
/// must not be empty.
CDicomObjects_Segmentation *CDicomObjects_SegmentationCreate(
    uint16_t rows, uint16_t columns, const char *manufacturer, const char *modelName,
    const char *softwareVersion, const char *contentLabel, const char *contentDescription,
    char *error, size_t errorSize);
void CDicomObjects_SegmentationFree(CDicomObjects_Segmentation *segmentation);

/// Sets the shared pixel measures and plane orientation: spacing (row, column), slice
/// thickness and spacing between slices in mm; orientation as six direction cosines (row
/// then column, LPS).
int CDicomObjects_SegmentationSetGeometry(CDicomObjects_Segmentation *segmentation,
                                          double rowSpacingMM, double columnSpacingMM,
                                          double sliceThicknessMM, double sliceSpacingMM,
                                          const double *orientation6,
                                          char *error, size_t errorSize);

/// Adds a segment and returns its number (1-based) in `segmentNumber`. `modifier` may be NULL.
int CDicomObjects_SegmentationAddSegment(CDicomObjects_Segmentation *segmentation,
                                         const char *label, CDicomObjects_Code category,
                                         CDicomObjects_Code type,
                                         const CDicomObjects_Code *modifier,
                                         const char *trackingID, const char *trackingUID,
                                         uint16_t *segmentNumber, char *error,
                                         size_t errorSize);

/// Adds one frame: `mask` holds rows x columns bytes (non-zero = inside, row-major), the
/// frame sits at `position3` (LPS mm, first pixel centre), and derives from the given source
/// image (its position in the dimension stack is `stackPosition`, 1-based).
int CDicomObjects_SegmentationAddFrame(CDicomObjects_Segmentation *segmentation,
                                       uint16_t segmentNumber, const uint8_t *mask,
                                       const double *position3, uint32_t stackPosition,
                                       const char *sourceSOPClassUID,
                                       const char *sourceSOPInstanceUID, char *error,
                                       size_t errorSize);

/// Writes the segmentation; `common` attributes (patient, study, series, SOP instance, dates)
/// replace whatever DCMTK generated, and `dimensionOrganizationUID` names the dimensions.
int CDicomObjects_SegmentationWriteFile(CDicomObjects_Segmentation *segmentation,
                                        const CDicomObjects_Attributes *common,
                                        const char *dimensionOrganizationUID,
                                        const char *path, char *error, size_t errorSize);

// MARK: TID 1500 Measurement Report

typedef struct CDicomObjects_Report CDicomObjects_Report;

/// Creates an Imaging Measurement Report (CID 7021) in English with a device observer and
/// the given procedure reported.
CDicomObjects_Report *CDicomObjects_ReportCreate(const char *deviceObserverUID,
                                                 const char *deviceObserverName,
                                                 CDicomObjects_Code procedure, char *error,
                                                 size_t errorSize);
void CDicomObjects_ReportFree(CDicomObjects_Report *report);

/// Adds a source image to the image library (TID 1600).
int CDicomObjects_ReportAddImage(CDicomObjects_Report *report, const char *sopClassUID,
                                 const char *sopInstanceUID, const char *modality,
                                 char *error, size_t errorSize);

/// Starts a volumetric ROI measurement group (TID 1411) that refers to one segment of a
/// segmentation object. `laterality` may be NULL.
int CDicomObjects_ReportAddGroup(CDicomObjects_Report *report, const char *trackingID,
                                 const char *trackingUID, CDicomObjects_Code finding,
                                 CDicomObjects_Code findingSite,
                                 const CDicomObjects_Code *laterality,
                                 const char *segmentationSOPClassUID,
                                 const char *segmentationSOPInstanceUID, uint16_t segmentNumber,
                                 const char *sourceSeriesUID, char *error, size_t errorSize);

/// Adds a numeric measurement (TID 1419) to the current group. `value` is a decimal string;
/// `derivation` may be NULL.
int CDicomObjects_ReportAddMeasurement(CDicomObjects_Report *report, CDicomObjects_Code concept,
                                       const char *value, CDicomObjects_Code unit,
                                       const CDicomObjects_Code *derivation, char *error,
                                       size_t errorSize);

/// Starts a measurement group (TID 1501) for figures of the whole study, not one segment.
int CDicomObjects_ReportAddStudyGroup(CDicomObjects_Report *report, const char *trackingID,
                                      const char *trackingUID, CDicomObjects_Code finding,
                                      CDicomObjects_Code findingSite, char *error,
                                      size_t errorSize);

/// Adds a numeric measurement (TID 300) to the current study group.
int CDicomObjects_ReportAddStudyMeasurement(CDicomObjects_Report *report,
                                            CDicomObjects_Code concept, const char *value,
                                            CDicomObjects_Code unit, char *error,
                                            size_t errorSize);

/// Writes the report; `common` attributes replace whatever DCMTK generated.
int CDicomObjects_ReportWriteFile(CDicomObjects_Report *report,
                                  const CDicomObjects_Attributes *common, const char *path,
                                  char *error, size_t errorSize);

#ifdef __cplusplus
}
#endif

#endif
