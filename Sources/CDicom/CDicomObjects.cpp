// DCMTK behind the CDicomObjects_ C interface: attribute sets, SEG (dcmseg) and TID 1500 SR
// (dcmsr/cmr). See CDicomObjects.h for the contract. Nothing here reads the clock into an
// output: DCMTK generates UIDs and dates while building objects, and the caller's `common`
// attributes replace them before the file is written.

#include "CDicomObjects.h"

#include <cstdio>
#include <cstdlib>
#include <memory>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpath.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmfg/fgderimg.h>
#include <dcmtk/dcmfg/fgfracon.h>
#include <dcmtk/dcmfg/fgpixmsr.h>
#include <dcmtk/dcmfg/fgplanor.h>
#include <dcmtk/dcmfg/fgplanpo.h>
#include <dcmtk/dcmseg/segdoc.h>
#include <dcmtk/dcmseg/segment.h>
#include <dcmtk/dcmsr/cmr/tid1500.h>
#include <dcmtk/dcmsr/codes/dcm.h>
#include <dcmtk/dcmsr/dsrdoc.h>
#include <dcmtk/oflog/oflog.h>

struct CDicomObjects_Attributes {
  DcmDataset dataset;
};

struct CDicomObjects_Segmentation {
  DcmSegmentation *segmentation = nullptr;
  ~CDicomObjects_Segmentation() { delete segmentation; }
};

struct CDicomObjects_Report {
  TID1500_MeasurementReport report{CMR_CID7021::ImagingMeasurementReport};
};

namespace {

// Numeric values with more digits than DS allows are rounded by the caller; dcmsr checks.
const size_t kDecimalStringLength = 32;

int fail(char *error, size_t errorSize, const char *what, const OFCondition &condition) {
  if (error != nullptr && errorSize > 0) {
    std::snprintf(error, errorSize, "%s: %s", what, condition.text());
  }
  return 1;
}

int failText(char *error, size_t errorSize, const char *what) {
  if (error != nullptr && errorSize > 0) {
    std::snprintf(error, errorSize, "%s", what);
  }
  return 1;
}

// DCMTK logs warnings to stderr on its own; the library must stay quiet.
void silenceLogging() {
  static bool done = false;
  if (!done) {
    OFLog::configure(getenv("CTCASE_DCMTK_LOG") ? OFLogger::DEBUG_LOG_LEVEL : OFLogger::FATAL_LOG_LEVEL);
    done = true;
  }
}

DSRCodedEntryValue coded(const CDicomObjects_Code &code) {
  return DSRCodedEntryValue(code.value, code.scheme, code.meaning);
}

CID244e_Laterality lateralityOf(const CDicomObjects_Code *code) {
  return code == nullptr ? CID244e_Laterality() : CID244e_Laterality(coded(*code));
}

CodeSequenceMacro codeMacro(const CDicomObjects_Code &code) {
  return CodeSequenceMacro(code.value, code.scheme, code.meaning);
}

// Copies every top-level element of `common` into `target`, replacing what is there.
OFCondition overlay(const DcmDataset &common, DcmItem &target) {
  DcmDataset &source = const_cast<DcmDataset &>(common);
  for (unsigned long i = 0; i < source.card(); i++) {
    DcmElement *element = source.getElement(i);
    DcmElement *copy = OFstatic_cast(DcmElement *, element->clone());
    OFCondition status = target.insert(copy, OFTrue);
    if (status.bad()) {
      delete copy;
      return status;
    }
  }
  return EC_Normal;
}

// Replaces every Dimension Organization UID (DCMTK makes random ones) with the given UID.
void replaceDimensionUIDs(DcmItem &dataset, const char *uid) {
  const DcmTagKey sequences[] = {DCM_DimensionOrganizationSequence, DCM_DimensionIndexSequence};
  for (const DcmTagKey &key : sequences) {
    DcmSequenceOfItems *sequence = nullptr;
    if (dataset.findAndGetSequence(key, sequence).bad() || sequence == nullptr) continue;
    for (unsigned long i = 0; i < sequence->card(); i++) {
      sequence->getItem(i)->putAndInsertString(DCM_DimensionOrganizationUID, uid);
    }
  }
}

// Puts a value of any VR given as text (numbers parsed), replacing an existing element.
int putValue(DcmItem &item, const DcmTag &tag, const char *value, char *error,
             size_t errorSize) {
  DcmElement *element = DcmItem::newDicomElement(tag);
  OFCondition status = element == nullptr ? EC_IllegalCall : element->putString(value);
  if (status.good()) status = item.insert(element, OFTrue);
  if (status.bad()) {
    delete element;
    char what[64];
    std::snprintf(what, sizeof what, "cannot set attribute (%04X,%04X)", tag.getGroup(),
                  tag.getElement());
    return fail(error, errorSize, what, status);
  }
  return 0;
}

int saveDataset(DcmDataset &dataset, const char *path, char *error, size_t errorSize) {
  DcmFileFormat file(&dataset);
  OFCondition status = file.saveFile(path, EXS_LittleEndianExplicit);
  if (status.bad()) return fail(error, errorSize, "cannot write the DICOM file", status);
  return 0;
}

}  // namespace

// MARK: Attribute sets

CDicomObjects_Attributes *CDicomObjects_AttributesCreate(void) {
  silenceLogging();
  return new CDicomObjects_Attributes();
}

void CDicomObjects_AttributesFree(CDicomObjects_Attributes *attributes) { delete attributes; }

int CDicomObjects_AttributesPutString(CDicomObjects_Attributes *attributes, uint16_t group,
                                      uint16_t element, const char *value, char *error,
                                      size_t errorSize) {
  return putValue(attributes->dataset, DcmTag(group, element), value, error, errorSize);
}

int CDicomObjects_AttributesPutBytes(CDicomObjects_Attributes *attributes, uint16_t group,
                                     uint16_t element, const uint8_t *bytes, size_t count,
                                     char *error, size_t errorSize) {
  OFCondition status = attributes->dataset.putAndInsertUint8Array(
      DcmTag(group, element, EVR_OB), bytes, OFstatic_cast(unsigned long, count), OFTrue);
  if (status.bad()) return fail(error, errorSize, "cannot set binary attribute", status);
  return 0;
}

int CDicomObjects_AttributesPutItemString(CDicomObjects_Attributes *attributes,
                                          uint16_t sequenceGroup, uint16_t sequenceElement,
                                          long itemIndex, uint16_t group, uint16_t element,
                                          const char *value, char *error, size_t errorSize) {
  DcmTag sequenceTag(sequenceGroup, sequenceElement);
  if (itemIndex < 0) {
    OFCondition status = attributes->dataset.insertEmptyElement(sequenceTag, OFTrue);
    if (status.bad()) return fail(error, errorSize, "cannot create sequence", status);
    return 0;
  }
  DcmItem *item = nullptr;
  OFCondition status = attributes->dataset.findOrCreateSequenceItem(sequenceTag, item, itemIndex);
  if (status.bad() || item == nullptr) return fail(error, errorSize, "cannot create item", status);
  return putValue(*item, DcmTag(group, element), value, error, errorSize);
}

int CDicomObjects_AttributesPutPath(CDicomObjects_Attributes *attributes, const char *path,
                                    const char *value, char *error, size_t errorSize) {
  OFString key(path);
  key += "=";
  key += value;
  DcmPathProcessor processor;
  OFCondition status = processor.applyPathWithValue(&attributes->dataset, key);
  if (status.bad()) return fail(error, errorSize, "cannot set nested attribute", status);
  return 0;
}

int CDicomObjects_AttributesWriteFile(const CDicomObjects_Attributes *attributes,
                                      const char *path, char *error, size_t errorSize) {
  DcmDataset copy(attributes->dataset);
  return saveDataset(copy, path, error, errorSize);
}

// MARK: Segmentation

CDicomObjects_Segmentation *CDicomObjects_SegmentationCreate(
    uint16_t rows, uint16_t columns, const char *manufacturer, const char *modelName,
    const char *softwareVersion, const char *contentLabel, const char *contentDescription,
    char *error, size_t errorSize) {
  silenceLogging();
  IODGeneralEquipmentModule::EquipmentInfo equipment(manufacturer, modelName, "1",
                                                     softwareVersion);
  ContentIdentificationMacro content("1", contentLabel, contentDescription, manufacturer);
  DcmSegmentation *segmentation = nullptr;
  OFCondition status =
      DcmSegmentation::createBinarySegmentation(segmentation, rows, columns, equipment, content);
  if (status.bad() || segmentation == nullptr) {
    fail(error, errorSize, "cannot create segmentation", status);
    return nullptr;
  }
  CDicomObjects_Segmentation *handle = new CDicomObjects_Segmentation();
  handle->segmentation = segmentation;
  return handle;
}

void CDicomObjects_SegmentationFree(CDicomObjects_Segmentation *segmentation) {
  delete segmentation;
}

int CDicomObjects_SegmentationSetGeometry(CDicomObjects_Segmentation *segmentation,
                                          double rowSpacingMM, double columnSpacingMM,
                                          double sliceThicknessMM, double sliceSpacingMM,
                                          const double *orientation6,
                                          char *error, size_t errorSize) {
  char text[6][kDecimalStringLength];
  for (int i = 0; i < 6; i++) std::snprintf(text[i], kDecimalStringLength, "%.6f", orientation6[i]);
  std::unique_ptr<FGPlaneOrientationPatient> orientation(FGPlaneOrientationPatient::createMinimal(
      text[0], text[1], text[2], text[3], text[4], text[5]));
  if (!orientation) return failText(error, errorSize, "cannot create plane orientation");
  OFCondition status = segmentation->segmentation->addForAllFrames(*orientation);
  if (status.bad()) return fail(error, errorSize, "cannot set plane orientation", status);

  char spacing[2 * kDecimalStringLength + 2];
  std::snprintf(spacing, sizeof spacing, "%.6f\\%.6f", rowSpacingMM, columnSpacingMM);
  char thickness[kDecimalStringLength];
  std::snprintf(thickness, sizeof thickness, "%.6f", sliceThicknessMM);
  char between[kDecimalStringLength];
  std::snprintf(between, sizeof between, "%.6f", sliceSpacingMM);
  FGPixelMeasures measures;
  status = measures.setPixelSpacing(spacing);
  if (status.good()) status = measures.setSliceThickness(thickness);
  if (status.good()) status = measures.setSpacingBetweenSlices(between);
  if (status.good()) status = segmentation->segmentation->addForAllFrames(measures);
  if (status.bad()) return fail(error, errorSize, "cannot set pixel measures", status);
  return 0;
}

int CDicomObjects_SegmentationAddSegment(CDicomObjects_Segmentation *segmentation,
                                         const char *label, CDicomObjects_Code category,
                                         CDicomObjects_Code type,
                                         const CDicomObjects_Code *modifier,
                                         const char *trackingID, const char *trackingUID,
                                         uint16_t *segmentNumber, char *error,
                                         size_t errorSize) {
  DcmSegment *segment = nullptr;
  OFCondition status = DcmSegment::create(segment, label, codeMacro(category), codeMacro(type),
                                          DcmSegTypes::SAT_AUTOMATIC, "ctcase");
  if (status.bad() || segment == nullptr) return fail(error, errorSize, "cannot create segment", status);
  if (modifier != nullptr) {
    segment->getSegmentedPropertyTypeModifierCode().push_back(
        new CodeSequenceMacro(codeMacro(*modifier)));
  }
  status = segment->setTrackingID(trackingID);
  if (status.good()) status = segment->setTrackingUID(trackingUID);
  if (status.good()) status = segmentation->segmentation->addSegment(segment, *segmentNumber);
  if (status.bad()) {
    delete segment;
    return fail(error, errorSize, "cannot add segment", status);
  }
  return 0;
}

int CDicomObjects_SegmentationAddFrame(CDicomObjects_Segmentation *segmentation,
                                       uint16_t segmentNumber, const uint8_t *mask,
                                       const double *position3, uint32_t stackPosition,
                                       const char *sourceSOPClassUID,
                                       const char *sourceSOPInstanceUID, char *error,
                                       size_t errorSize) {
  char text[3][kDecimalStringLength];
  for (int i = 0; i < 3; i++) std::snprintf(text[i], kDecimalStringLength, "%.6f", position3[i]);
  std::unique_ptr<FGPlanePosPatient> position(
      FGPlanePosPatient::createMinimal(text[0], text[1], text[2]));

  FGFrameContent content;
  content.setStackID("1");
  content.setInStackPositionNumber(stackPosition);
  content.setDimensionIndexValues(segmentNumber, 0);
  content.setDimensionIndexValues(stackPosition, 1);

  ImageSOPInstanceReferenceMacro source;
  source.setReferencedSOPClassUID(sourceSOPClassUID);
  source.setReferencedSOPInstanceUID(sourceSOPInstanceUID);
  OFVector<ImageSOPInstanceReferenceMacro> sources(1, source);
  std::unique_ptr<FGDerivationImage> derivation(FGDerivationImage::createMinimal(
      sources, "Segmentation of the source CT",
      CodeSequenceMacro("113076", "DCM", "Segmentation"),
      CodeSequenceMacro("121322", "DCM", "Source image for image processing operation")));
  if (!position || !derivation) return failText(error, errorSize, "cannot create frame groups");

  OFVector<FGBase *> perFrame;
  perFrame.push_back(position.get());
  perFrame.push_back(&content);
  perFrame.push_back(derivation.get());
  OFCondition status = segmentation->segmentation->addFrame(const_cast<Uint8 *>(mask),
                                                            segmentNumber, perFrame);
  if (status.bad()) return fail(error, errorSize, "cannot add frame", status);
  return 0;
}

int CDicomObjects_SegmentationWriteFile(CDicomObjects_Segmentation *segmentation,
                                        const CDicomObjects_Attributes *common,
                                        const char *dimensionOrganizationUID,
                                        const char *path, char *error, size_t errorSize) {
  IODMultiframeDimensionModule &dimensions = segmentation->segmentation->getDimensions();
  dimensions.clearData();
  OFCondition status = dimensions.addDimensionIndex(
      DCM_ReferencedSegmentNumber, dimensionOrganizationUID, DCM_SegmentIdentificationSequence,
      "Segment");
  if (status.good()) {
    status = dimensions.addDimensionIndex(DCM_InStackPositionNumber, dimensionOrganizationUID,
                                          DCM_FrameContentSequence, "Slice");
  }
  if (status.bad()) return fail(error, errorSize, "cannot set dimensions", status);

  DcmDataset source(common->dataset);
  status = segmentation->segmentation->importHierarchy(source, OFTrue, OFTrue, OFTrue, OFTrue);
  OFString seriesNumber;
  source.findAndGetOFString(DCM_SeriesNumber, seriesNumber);
  if (status.good()) {
    status = segmentation->segmentation->getSegmentationSeriesModule().setSeriesNumber(seriesNumber);
  }
  if (status.bad()) return fail(error, errorSize, "cannot import common attributes", status);

  DcmDataset dataset;
  status = segmentation->segmentation->writeDataset(dataset);
  if (status.bad()) return fail(error, errorSize, "cannot encode segmentation", status);
  status = overlay(common->dataset, dataset);
  if (status.bad()) return fail(error, errorSize, "cannot apply common attributes", status);
  replaceDimensionUIDs(dataset, dimensionOrganizationUID);
  return saveDataset(dataset, path, error, errorSize);
}

// MARK: Measurement report

CDicomObjects_Report *CDicomObjects_ReportCreate(const char *deviceObserverUID,
                                                 const char *deviceObserverName,
                                                 CDicomObjects_Code procedure, char *error,
                                                 size_t errorSize) {
  silenceLogging();
  CDicomObjects_Report *handle = new CDicomObjects_Report();
  TID1500_MeasurementReport &report = handle->report;
  OFCondition status = report.setLanguage(CID5000_Languages::English);
  if (status.good()) {
    status = report.getObservationContext().addDeviceObserver(deviceObserverUID,
                                                              deviceObserverName);
  }
  if (status.good()) {
    status = report.addProcedureReported(
        CID100_QuantitativeDiagnosticImagingProcedures(coded(procedure)));
  }
  if (status.good() && !report.getImageLibrary().hasImageLibrary()) {
    status = report.getImageLibrary().createNewImageLibrary();
  }
  if (status.good()) status = report.getImageLibrary().addImageGroup();
  if (status.bad()) {
    delete handle;
    fail(error, errorSize, "cannot create measurement report", status);
    return nullptr;
  }
  return handle;
}

void CDicomObjects_ReportFree(CDicomObjects_Report *report) { delete report; }

int CDicomObjects_ReportAddImage(CDicomObjects_Report *report, const char *sopClassUID,
                                 const char *sopInstanceUID, const char *modality,
                                 char *error, size_t errorSize) {
  DcmItem image;
  image.putAndInsertString(DCM_SOPClassUID, sopClassUID);
  image.putAndInsertString(DCM_SOPInstanceUID, sopInstanceUID);
  image.putAndInsertString(DCM_Modality, modality);
  OFCondition status = report->report.getImageLibrary().addImageEntry(
      image, TID1600_ImageLibrary::withoutDescriptors);
  if (status.bad()) return fail(error, errorSize, "cannot add image library entry", status);
  return 0;
}

int CDicomObjects_ReportAddGroup(CDicomObjects_Report *report, const char *trackingID,
                                 const char *trackingUID, CDicomObjects_Code finding,
                                 CDicomObjects_Code findingSite,
                                 const CDicomObjects_Code *laterality,
                                 const char *segmentationSOPClassUID,
                                 const char *segmentationSOPInstanceUID, uint16_t segmentNumber,
                                 const char *sourceSeriesUID, char *error, size_t errorSize) {
  TID1500_MeasurementReport &root = report->report;
  OFCondition status =
      root.hasVolumetricROIMeasurements() ? root.addVolumetricROIMeasurements(OFFalse) : EC_Normal;
  CMR_TID1411_in_TID1500 &group = root.getVolumetricROIMeasurements();
  if (status.good()) status = group.setTrackingIdentifier(trackingID);
  if (status.good()) status = group.setTrackingUniqueIdentifier(trackingUID);
  if (status.good()) status = group.setFinding(coded(finding));
  if (status.good()) status = group.addFindingSite(coded(findingSite), lateralityOf(laterality));
  DSRImageReferenceValue segment(segmentationSOPClassUID, segmentationSOPInstanceUID);
  segment.getSegmentList().addItem(segmentNumber);
  if (status.good()) status = group.setReferencedSegment(segment);
  if (status.good()) status = group.setSourceSeriesForSegmentation(sourceSeriesUID);
  if (status.bad()) return fail(error, errorSize, "cannot add measurement group", status);
  return 0;
}

int CDicomObjects_ReportAddMeasurement(CDicomObjects_Report *report, CDicomObjects_Code concept,
                                       const char *value, CDicomObjects_Code unit,
                                       const CDicomObjects_Code *derivation, char *error,
                                       size_t errorSize) {
  CMR_TID1411_in_TID1500 &group = report->report.getVolumetricROIMeasurements();
  CMR_TID1411_in_TID1500::MeasurementValue measured(
      value, CID7181_AbstractMultiDimensionalImageModelComponentUnits(coded(unit)));
  OFCondition status = group.addMeasurement(
      CID7469_GenericIntensityAndSizeMeasurements(coded(concept)), measured, OFFalse);
  if (status.good() && derivation != nullptr) {
    status = group.getMeasurement().setDerivation(
        CID7464_GeneralRegionOfInterestMeasurementModifiers(coded(*derivation)));
  }
  if (status.bad()) return fail(error, errorSize, "cannot add measurement", status);
  return 0;
}

int CDicomObjects_ReportAddStudyGroup(CDicomObjects_Report *report, const char *trackingID,
                                      const char *trackingUID, CDicomObjects_Code finding,
                                      CDicomObjects_Code findingSite, char *error,
                                      size_t errorSize) {
  TID1500_MeasurementReport &root = report->report;
  OFCondition status =
      root.hasIndividualMeasurements() ? root.addIndividualMeasurements(OFFalse) : EC_Normal;
  CMR_TID1501_in_TID1500 &group = root.getIndividualMeasurements();
  if (status.good()) status = group.setTrackingIdentifier(trackingID);
  if (status.good()) status = group.setTrackingUniqueIdentifier(trackingUID);
  if (status.good()) status = group.setFinding(coded(finding));
  if (status.good()) status = group.addFindingSite(coded(findingSite));
  if (status.bad()) return fail(error, errorSize, "cannot add study measurement group", status);
  return 0;
}

int CDicomObjects_ReportAddStudyMeasurement(CDicomObjects_Report *report,
                                            CDicomObjects_Code concept, const char *value,
                                            CDicomObjects_Code unit, char *error,
                                            size_t errorSize) {
  CMR_TID1501_in_TID1500 &group = report->report.getIndividualMeasurements();
  CMR_TID1501_in_TID1500::MeasurementValue measured(
      value, CID7181_AbstractMultiDimensionalImageModelComponentUnits(coded(unit)));
  OFCondition status = group.addMeasurement(
      CID7469_GenericIntensityAndSizeMeasurements(coded(concept)), measured, OFFalse);
  if (status.bad()) return fail(error, errorSize, "cannot add study measurement", status);
  return 0;
}

int CDicomObjects_ReportWriteFile(CDicomObjects_Report *report,
                                  const CDicomObjects_Attributes *common, const char *path,
                                  char *error, size_t errorSize) {
  DSRDocument document(DSRTypes::DT_EnhancedSR);
  OFCondition status = document.setTreeFromRootTemplate(report->report, OFTrue);
  if (status.bad()) return fail(error, errorSize, "cannot build the SR content tree", status);

  DcmDataset dataset;
  status = document.write(dataset);
  if (status.bad()) return fail(error, errorSize, "cannot encode the SR document", status);
  status = overlay(common->dataset, dataset);
  if (status.bad()) return fail(error, errorSize, "cannot apply common attributes", status);
  return saveDataset(dataset, path, error, errorSize);
}
