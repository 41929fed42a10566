import CTCaseCLI
import Foundation
import Imaging

AllocatorTuning.apply()
exit(CTCase.main(Array(CommandLine.arguments.dropFirst())))
