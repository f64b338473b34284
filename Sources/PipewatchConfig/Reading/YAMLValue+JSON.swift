import Foundation
import Yams

extension YAMLValue {
    /// The most values a JSON document may hold once its aliases are written out: far more than
    /// a request body needs, and few enough that aliases of aliases (a "billion laughs", a billion
    /// values from a few lines) are refused at once instead of being expanded.
    static let jsonValueLimit = 100_000

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
        var budget = YAMLValue.jsonValueLimit
        let object = jsonObject(log, budget: &budget)
        guard budget >= 0 else {
            error(
                "holds more than \(YAMLValue.jsonValueLimit) values once its aliases are written out",
                hint: "an alias (*name) repeats its anchor's whole value; write the JSON out, or make it smaller",
                in: log
            )
            return nil
        }
        guard let object else { return nil }
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

    /// The value as a JSON object, or `nil` after logging what JSON cannot hold; `nil` with
    /// `budget` below zero when there are more values than it allows.
    private func jsonObject(_ log: DiagnosticLog, budget: inout Int) -> Any? {
        budget -= 1
        guard budget >= 0 else { return nil }
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
                guard let member = child(key, node: valueNode).jsonObject(log, budget: &budget) else {
                    isValid = false
                    continue
                }
                object[key] = member
            }
            return isValid ? object : nil
        case .sequence(let sequence):
            var items: [Any] = []
            var isValid = true
            for (index, itemNode) in sequence.enumerated() {
                guard let item = element(index, node: itemNode).jsonObject(log, budget: &budget) else {
                    isValid = false
                    continue
                }
                items.append(item)
            }
            return isValid ? items : nil
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
