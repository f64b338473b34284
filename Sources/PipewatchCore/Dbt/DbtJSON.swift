import Foundation

/// JSON helpers for dbt's artifacts.
enum DbtJSON {
    static func object(_ data: Data, file: String) throws(DbtArtifactError) -> [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw .malformedJSON(file: file)
        }
        return object
    }

}
