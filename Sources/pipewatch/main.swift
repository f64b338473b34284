import Foundation
import PipewatchCLI

exit(await PipewatchCommand.execute(Array(CommandLine.arguments.dropFirst())))
