import CTCaseCLI
import Foundation

exit(CTCase.main(Array(CommandLine.arguments.dropFirst())))
