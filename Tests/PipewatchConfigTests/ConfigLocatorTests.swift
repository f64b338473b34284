import Foundation
import PipewatchConfig
import Testing

@Suite("config discovery")
struct ConfigLocatorTests {
    let directory = URL(fileURLWithPath: "/srv/team", isDirectory: true)

    @Test("--config wins over PIPEWATCH_CONFIG and the default")
    func explicitWins() {
        let url = ConfigLocator.locate(
            explicit: "conf/main.yaml",
            environment: ["PIPEWATCH_CONFIG": "/etc/pipewatch.yaml"],
            currentDirectory: directory
        )
        #expect(url.path == "/srv/team/conf/main.yaml")
    }

    @Test("PIPEWATCH_CONFIG is used when --config is absent")
    func environmentNext() {
        let url = ConfigLocator.locate(
            explicit: nil,
            environment: ["PIPEWATCH_CONFIG": "/etc/pipewatch.yaml"],
            currentDirectory: directory
        )
        #expect(url.path == "/etc/pipewatch.yaml")
    }

    @Test("./pipewatch.yaml is read when neither is given, or the variable is empty")
    func defaultLast() {
        #expect(
            ConfigLocator.locate(explicit: nil, environment: [:], currentDirectory: directory).path
                == "/srv/team/pipewatch.yaml"
        )
        #expect(
            ConfigLocator.locate(explicit: nil, environment: ["PIPEWATCH_CONFIG": ""], currentDirectory: directory).path
                == "/srv/team/pipewatch.yaml"
        )
    }

    @Test("a missing file is one error naming it")
    func missingFile() async throws {
        let report = ConfigLoader.check(directory.appendingPathComponent("nope.yaml"), currentDirectory: directory)
        #expect(
            report.diagnostics.map(\.description) == [
                "nope.yaml:1:1: error: no config file 'nope.yaml'\n"
                    + "    hint: run 'pipewatch init' to write a starter config here, or pass another with --config"
            ]
        )
    }
}
