import Foundation
import Yams

extension YAMLValue {
    /// A mapping or list written in YAML as JSON text with sorted keys, such as an HTTP action's
    /// body; `nil` after logging what JSON cannot hold.
    ///
    /// Scalars keep the type YAML gives them: `null` and `~` are JSON null, `true`/`false` Booleans,
    /// `3` and `0.5` numbers, and anything quoted or otherwise text a string (dates too).
    func jsonText(_ log: DiagnosticLog) -> String? {
        switch node {
        case .mapping, .sequence: break
        default:
            error(
                "expected a mapping or a list (the JSON document), found \(kindName)",
                hint: "write the JSON in YAML, e.g. 'body: { conf: { reason: backfill } }'",
                in: log
            )
            return nil
        }
        guard let object = jsonObject(log) else { return nil }
        do {
            let data = try JSONSerialization.data(
                withJSONObject: object,
                options: [.sortedKeys, .withoutEscapingSlashes]
            )
            return String(decoding: data, as: UTF8.self)
        } catch {
            self.error("cannot be written as JSON: \(error.localizedDescription)", in: log)
            return nil
        }
    }

    private func jsonObject(_ log: DiagnosticLog) -> Any? {
        switch node {
        case .mapping(let mapping):
            var object: [String: Any] = [:]
            var isValid = true
            for (keyNode, valueNode) in mapping {
                guard let key = keyNode.scalar?.string else {
                    let keyValue = YAMLValue(node: keyNode, file: file, path: path)
                    keyValue.error("expected a key, found \(keyValue.kindName)", in: log)
                    isValid = false
                    continue
                }
                if key.hasPrefix(RepeatedKeys.marker) { continue }  // reported when the file was read
                guard let member = child(key, node: valueNode).jsonObject(log) else {
                    isValid = false
                    continue
                }
                object[key] = member
            }
            return isValid ? object : nil
        case .sequence(let sequence):
            let items = sequence.enumerated().map { element($0.offset, node: $0.element).jsonObject(log) }
            return items.contains { $0 == nil } ? nil : items.compactMap { $0 }
        case .scalar(let scalar):
            return jsonScalar(scalar, log: log)
        case .alias:
            error("expected a value, found an alias", hint: "write the value out; aliases are not read here", in: log)
            return nil
        }
    }

    private func jsonScalar(_ scalar: Node.Scalar, log: DiagnosticLog) -> Any? {
        switch Tag.Name(rawValue: node.tag.rawValue) {
        case .null:
            return NSNull()
        case .bool:
            return node.bool ?? scalar.string
        case .int:
            if let integer = node.int { return integer }
            return node.float ?? scalar.string
        case .float:
            guard let number = node.float, number.isFinite else {
                error("JSON has no infinity or NaN, found '\(scalar.string)'", hint: "quote it to send text", in: log)
                return nil
            }
            return number
        default:
            return scalar.string
        }
    }
}
