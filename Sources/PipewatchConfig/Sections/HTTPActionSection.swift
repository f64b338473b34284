import PipewatchCore

/// Reads an action's `http:`: the request, whose header values come from the environment only.
///
/// ```yaml
/// http:
///   method: POST
///   url_env: AIRFLOW_DAGRUNS_URL
///   headers_env: { Authorization: AIRFLOW_AUTH_HEADER }
///   body: { logical_date: null, conf: { reason: pipewatch backfill } }
/// ```
enum HTTPActionSection {
    static let keys = ["method", "url", "url_env", "headers_env", "body", "headers"]
    static let methods = Dictionary(uniqueKeysWithValues: ["GET", "POST", "PUT", "PATCH", "DELETE"].map { ($0, $0) })

    static func request(_ value: YAMLValue, context: ReadingContext) -> ActionDefinition.Kind? {
        let log = context.log
        guard let fields = MappingReader(value, allowed: keys, log: log) else { return nil }
        fields.keySite("headers")?.error(
            "header values may not be written in the config",
            hint: "they often hold credentials, so they come only from environment variables: "
                + "use 'headers_env: { Authorization: NAME }'",
            in: log
        )
        let method = fields["method"].map { context.choice($0, "method", methods) } ?? "POST"
        let url = fields.configuredURL(log: log)
        let headers = fields["headers_env"].map { Self.headers($0, log: log) } ?? [:]
        let bodyValue = fields["body"]
        let body = bodyValue?.jsonText(log)
        if method == "GET", let bodyValue {
            bodyValue.error("a GET request has no body", hint: "use POST, PUT or PATCH to send one", in: log)
            return nil
        }
        guard let method, let url, let headers, bodyValue == nil || body != nil, fields["headers"] == nil else {
            return nil
        }
        return .http(method: method, url: url, headers: headers, body: body)
    }

    /// Header name → environment variable that holds its value; `nil` after logging a bad entry.
    private static func headers(_ value: YAMLValue, log: DiagnosticLog) -> [String: String]? {
        guard let fields = MappingReader(value, allowed: nil, log: log) else { return nil }
        var headers: [String: String] = [:]
        var isValid = true
        for (name, keyValue, variable) in fields.entries {
            let tokenSymbols = "!#$%&'*+-.^_`|~"
            guard !name.isEmpty,
                name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || tokenSymbols.contains($0)) })
            else {
                keyValue.error("malformed header name '\(name)'", hint: "use a name such as 'Authorization'", in: log)
                isValid = false
                continue
            }
            if let first = headers.keys.first(where: { $0.lowercased() == name.lowercased() }) {
                keyValue.error(
                    "header '\(name)' is given twice",
                    hint: "header names ignore case: '\(first)' is the same header",
                    in: log
                )
                isValid = false
                continue
            }
            guard let variableName = variable.environmentName(log) else {
                isValid = false
                continue
            }
            headers[name] = variableName
        }
        return isValid ? headers : nil
    }
}
