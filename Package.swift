// swift-tools-version:6.0
// The ctcase package: serial chest CT studies in, a reproducible PDF case report out.
// Targets are layered bottom-up: C wrappers, imaging core, then one module per stage of the
// data flow (ingest -> analysis -> course -> decisions -> report -> outputs), then the CLI.

import PackageDescription

let dcmtkLibraries = [
  // SR and SEG writing (Outputs) come first: they depend on dcmdata below.
  "dcmseg", "dcmfg", "cmr", "dcmsr", "dcmiod",
  "dcmdata", "dcmjpeg", "ijg8", "ijg12", "ijg16", "dcmjpls", "dcmtkcharls", "dcmimgle",
  "oflog", "ofstd",
]
let gdcmLibraries = ["gdcmMSFF", "gdcmDICT", "gdcmIOD", "gdcmDSED", "gdcmCommon"]

let package = Package(
  name: "ctcase",
  products: [
    .executable(name: "ctcase", targets: ["ctcase"]),
    // GDCM's JPEG 2000 decoder, loaded by CDicom on the first JPEG 2000 image (not linked).
    .library(name: "ctcase-jpeg2000", type: .dynamic, targets: ["CJpeg2000"]),
  ],
  targets: [
    // MARK: C and C++ wrappers
    .systemLibrary(
      name: "CCairo", pkgConfig: "cairo-pdf",
      providers: [.apt(["libcairo2-dev"])]),
    .systemLibrary(
      name: "CPango", pkgConfig: "pangocairo",
      providers: [.apt(["libpango1.0-dev"])]),
    .target(
      name: "CDicom",
      cxxSettings: [
        .unsafeFlags(["-std=c++17", "-w"])
      ],
      linkerSettings: (dcmtkLibraries + ["dl"]).map { .linkedLibrary($0) }),
    .target(
      name: "CJpeg2000",
      cxxSettings: [.unsafeFlags(["-std=c++17", "-w"])],
      linkerSettings: (gdcmLibraries + ["dl"]).map { .linkedLibrary($0) }),
    .target(
      name: "CNifti",
      cSettings: [.unsafeFlags(["-I/usr/include/nifti"])],
      linkerSettings: ["nifti2", "znz", "z", "m"].map { .linkedLibrary($0) }),
    .systemLibrary(name: "CNrrd", providers: [.apt(["libteem-dev"])]),
    .systemLibrary(
      name: "CCrypto", pkgConfig: "libcrypto",
      providers: [.apt(["libssl-dev"])]),
    .systemLibrary(name: "CMalloc"),

    // MARK: Stages
    .target(name: "Imaging", dependencies: ["CMalloc"], plugins: ["BuildInfoPlugin"]),
    .plugin(name: "BuildInfoPlugin", capability: .buildTool()),
    .target(name: "Ingest", dependencies: ["Imaging", "CDicom", "CNifti", "CNrrd", "CCrypto"]),
    .target(name: "Analysis", dependencies: ["Imaging"]),
    .target(name: "Course", dependencies: ["Analysis"]),
    .target(name: "Decisions", dependencies: ["Course"]),
    .target(name: "Report", dependencies: ["Decisions", "CCairo", "CPango"]),
    .target(
      name: "Outputs",
      dependencies: [
        "Report", "Ingest", "CDicom", "CNifti", "CCairo", "CPango", "CNrrd", "CCrypto",
      ]),
    .target(name: "Phantom", dependencies: ["Imaging", "Outputs", "CDicom"]),
    .target(
      name: "CTCaseCLI",
      dependencies: [
        "Imaging", "Ingest", "Analysis", "Course", "Decisions", "Report", "Outputs", "Phantom",
      ]),
    .executableTarget(name: "ctcase", dependencies: ["CTCaseCLI", "Imaging"]),
    .target(name: "TestSupport", path: "Sources/TestSupport"),

    // MARK: Tests
    .testTarget(name: "ImagingTests", dependencies: ["Imaging", "TestSupport"]),
    .testTarget(
      name: "IngestTests", dependencies: ["Ingest", "Imaging", "Outputs", "TestSupport"]),
    .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Imaging", "TestSupport"]),
    .testTarget(
      name: "CourseTests",
      dependencies: [
        "Course", "Decisions", "Analysis", "Imaging", "Ingest", "Phantom", "TestSupport",
      ]),
    .testTarget(name: "ReportTests", dependencies: ["Report", "TestSupport"]),
    .testTarget(name: "OutputsTests", dependencies: ["Outputs", "TestSupport"]),
    .testTarget(name: "PhantomTests", dependencies: ["Phantom", "Imaging", "TestSupport"]),
    .testTarget(name: "CLITests", dependencies: ["CTCaseCLI", "TestSupport"]),
    .testTarget(
      name: "IntegrationTests",
      dependencies: [
        "CTCaseCLI", "Ingest", "Analysis", "Phantom", "Outputs", "Report", "TestSupport",
      ]),
  ],
  cxxLanguageStandard: .cxx17
)
