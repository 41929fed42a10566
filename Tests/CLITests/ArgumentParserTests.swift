import Testing

@testable import CTCaseCLI

@Suite struct ArgumentParserTests {
  static let spec = CommandSpec(
    name: "demo", summary: "s", usage: "demo X",
    options: [
      OptionSpec(["-o", "--out"], value: "FILE", help: "out"),
      OptionSpec(["--json"], help: "json"),
      OptionSpec(["--series"], value: "UID", repeatable: true, help: "series"),
    ], minPositionals: 1, maxPositionals: 2)

  @Test func parsesFlagsValuesAndPositionals() throws {
    let p = try ArgumentParser.parse(
      ["a", "-o", "x.nii", "--json", "--series=1.2", "b"], spec: Self.spec)
    #expect(p.positionals == ["a", "b"])
    #expect(p.value("--out") == "x.nii")
    #expect(p.flag("--json"))
    #expect(p.values("--series") == ["1.2"])
  }

  @Test(arguments: [
    (["a", "--bogus"], "unknown option '--bogus'"),
    (["a", "-o"], "option -o needs a value"),
    ([], "missing argument"),
    (["a", "b", "c"], "too many arguments"),
    (["a", "--json=1"], "takes no value"),
    (["a", "-o", "x", "-o", "y"], "given more than once"),
  ])
  func rejectsBadCommandLines(args: [String], message: String) {
    #expect {
      _ = try ArgumentParser.parse(args, spec: Self.spec)
    } throws: { error in
      (error as? UsageError)?.message.contains(message) == true
    }
  }

  @Test func doubleDashEndsOptions() throws {
    let p = try ArgumentParser.parse(["--", "-o"], spec: Self.spec)
    #expect(p.positionals == ["-o"])
  }

  @Test func mainMapsUnknownSubcommandToUsageExit() {
    let lines = LineCollector()
    let code = CTCase.main(
      ["frobnicate"], output: { _ in }, diagnosticsWriter: { lines.append($0) })
    #expect(code == 2)
    #expect(lines.all.first?.contains("unknown subcommand 'frobnicate'") == true)
  }

  @Test func versionPrintsToolVersion() {
    var out: [String] = []
    let code = CTCase.main(["--version"], output: { out.append($0) })
    #expect(code == 0)
    #expect(out == ["ctcase 0.1.0"])
  }

  @Test(arguments: [
    (["--threads", "2", "inspect", "x"], ["inspect", "--threads", "2", "x"]),
    (
      ["-q", "--threads=1", "report", "c", "-o", "r.pdf"],
      ["report", "-q", "--threads=1", "c", "-o", "r.pdf"]
    ),
    (["inspect", "x", "--threads", "2"], ["inspect", "x", "--threads", "2"]),
    (["--version"], ["--version"]),
    (["--threads", "2"], ["--threads", "2"]),
  ])
  func globalOptionsMayComeBeforeTheSubcommand(argv: [String], expected: [String]) {
    #expect(CTCase.movingLeadingThreads(argv) == expected)
  }

  @Test func threadsOptionIsValidated() {
    var args = ["x", "--threads", "0"]
    #expect(throws: UsageError.self) { try CTCase.extractThreads(&args) }
    var ok = ["x", "--threads=2", "y"]
    #expect((try? CTCase.extractThreads(&ok)) == 2)
    #expect(ok == ["x", "y"])
  }
}

/// Collects diagnostic lines written from any thread.
final class LineCollector: @unchecked Sendable {
  private var lines: [String] = []
  func append(_ s: String) { lines.append(s) }
  var all: [String] { lines }
}
