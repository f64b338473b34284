import Foundation
import PipewatchCore
import PipewatchStore
import PipewatchTestSupport
import Testing

@Suite("state store files")
struct StoreFileTests {
    @Test("an SQLite file and its folder are created on first use, and reopening migrates nothing")
    func fileStoreReopens() async throws {
        // Given: a path in a folder that does not exist yet
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pipewatch-store-\(UUID().uuidString)"
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = StoreLocation.sqliteFile(path: folder.appendingPathComponent(".pipewatch/state.sqlite").path)
        let away = TimeOff(engineer: "a", from: Fixtures.date("2024-02-29"), to: Fixtures.date("2024-02-29"))

        // When
        let added = try await SQLStateStore.withStore(at: location, logger: .discarding) { store in
            let record = try await store.addTimeOff(away, at: Fixtures.now) { _ in Fixtures.audit("timeoff.add") }
            #expect(
                FileManager.default.fileExists(
                    atPath: folder.appendingPathComponent(".pipewatch/state.sqlite-wal").path
                )
            )
            return record
        }
        let (appliedAgain, stored) = try await SQLStateStore.withStore(at: location, logger: .discarding) { store in
            (try await store.migrate(), try await store.allTimeOff())
        }

        // Then
        #expect(appliedAgain.isEmpty)
        #expect(stored == [added])
    }

    @Test("a new store is private to its owner: the folder 0700, the file and its log 0600")
    func privateModes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pipewatch-store-\(UUID().uuidString)"
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(".pipewatch/state.sqlite").path
        try await SQLStateStore.withStore(at: .sqliteFile(path: path), logger: .discarding) { store in
            _ = try await store.allTimeOff()
            func mode(_ path: String) throws -> Int {
                (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
            }
            #expect(try mode(folder.appendingPathComponent(".pipewatch").path) == 0o700)
            #expect(try mode(path) == 0o600)
            #expect(try mode(path + "-wal") == 0o600)
        }
    }

    @Test("a folder that cannot be created is named in the error")
    func unwritableFolder() async throws {
        // Given: a path whose parent is a regular file
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pipewatch-file-\(UUID().uuidString)")
        try Data().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let location = StoreLocation.sqliteFile(path: file.appendingPathComponent("state.sqlite").path)
        // When
        let error = await #expect(throws: StoreError.self) {
            try await SQLStateStore.withStore(at: location, logger: .discarding) { _ in }
        }
        // Then
        #expect(
            error?.description == "cannot create the folder '\(file.path)' for the state store; check its permissions"
        )
    }
}
