public import Foundation
public import Logging
public import PipewatchCore
public import PipewatchStore
public import ServiceLifecycle

/// Delivers the outbox: claims due messages, posts each to its channel, and records the outcome.
/// A failed attempt is retried with exponential backoff and jitter (7 s, 14 s, 28 s … so that
/// ten attempts span about an hour); after the last one the message is a dead letter, listed by
/// `pipewatch notifications list --state dead` and retried with `notifications retry`.
///
/// Delivery is at least once: a crash between a post and its record sends the message again on
/// restart, with the same `Idempotency-Key`, so receivers drop the repeat.
///
/// Several instances on one PostgreSQL share the outbox: each claims due messages with a lease
/// (`FOR UPDATE SKIP LOCKED`, then `lease_until_ms` on the database's clock and `lease_holder`)
/// before sending and records the outcome after, so a message is sent by one instance at a time.
/// When the holder dies its messages are sent by another instance once the lease (30 s,
/// `PIPEWATCH_LEASE_PERIOD`) has expired: exactly once when it died before sending, at least once
/// (the same `Idempotency-Key` twice) when it died between sending and recording. A send is
/// given up well within the lease (HTTP: 10 s), so a live holder never loses a message's lease.
public final class NotificationDispatcher: Service, Sendable {
    private let store: any IncidentStore
    private let delivery: HTTPDelivery
    private let mail: SMTPDelivery?
    private let environment: [String: String]
    private let maxAttempts: Int
    private let clock: any Clock<Duration>
    private let wallClock: any WallClock
    private let interval: Duration
    private let logger: Logger
    private let wakeup = Wakeup()

    /// Creates the dispatcher.
    ///
    /// - Parameters:
    ///   - store: The outbox.
    ///   - delivery: How requests are sent.
    ///   - mail: How email is sent: the config's `smtp:` server, when it has one.
    ///   - environment: Where `url_env` and `secret_env` are read.
    ///   - maxAttempts: Attempts before a dead letter.
    ///   - clock: What the loop sleeps on.
    ///   - wallClock: "Now".
    ///   - interval: How often it looks without being woken.
    ///   - logger: Where failures are logged.
    public init(
        store: any IncidentStore,
        delivery: HTTPDelivery = HTTPDelivery(),
        mail: SMTPDelivery? = nil,
        environment: [String: String],
        maxAttempts: Int,
        clock: any Clock<Duration>,
        wallClock: any WallClock,
        interval: Duration = .seconds(1),
        logger: Logger
    ) {
        self.store = store
        self.delivery = delivery
        self.mail = mail
        self.environment = environment
        self.maxAttempts = maxAttempts
        self.clock = clock
        self.wallClock = wallClock
        self.interval = interval
        self.logger = logger
    }

    /// How long a claimed message stays with this instance before another may send it.
    private var leasePeriod: Duration {
        let period = environment["PIPEWATCH_LEASE_PERIOD"].flatMap { DurationText.parse($0) } ?? .zero
        // Never shorter than a send may take, else a slow but live send would be sent twice.
        return max(period > .zero ? period : ModuleLease.defaultPeriod, .seconds(Int64(delivery.timeout) * 2))
    }

    /// Asks for the outbox to be looked at now (something was just queued).
    public func wake() { wakeup.signal() }

    public func run() async throws {
        try await ServiceLoop(
            clock: clock,
            wallClock: wallClock,
            interval: interval,
            logger: logger,
            failure: "cannot deliver notifications"
        ).run(wakeup: wakeup) { now in try await self.deliverDue(at: now) }
    }

    /// Delivers every message due at `now`, a few at a time.
    ///
    /// - Returns: How many were delivered.
    @discardableResult
    public func deliverDue(at now: Date) async throws -> Int {
        var delivered = 0
        while true {
            let batch = try await store.claimDueMessages(at: now, lease: leasePeriod, limit: 32)
            guard !batch.isEmpty else { return delivered }
            delivered += await withTaskGroup(of: Bool.self, returning: Int.self) { group in
                for message in batch { group.addTask { await self.deliver(message, at: now) } }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            if batch.count < 32 { return delivered }
        }
    }

    private func deliver(_ message: OutboxMessage, at now: Date) async -> Bool {
        do {
            try await send(message, at: now)
            try await store.markDelivered(messageID: message.id, at: wallClock.now)
            return true
        } catch {
            let attempts = message.attempts + 1
            let retryAt = attempts >= maxAttempts ? nil : now.addingTimeInterval(Self.backoff(afterAttempt: attempts))
            logger.warning(
                "notification not delivered",
                metadata: [
                    "notification.id": "\(message.id)", "notification.attempts": "\(attempts)",
                    "error": "\(error)",
                ]
            )
            try? await store.markFailed(messageID: message.id, error: "\(error)", retryAt: retryAt)
            return false
        }
    }

    private func send(_ message: OutboxMessage, at now: Date) async throws {
        guard let contact = StoredContact(json: message.contact) else {
            throw HTTPDelivery.Failure(description: "the stored contact cannot be read")
        }
        if contact.type == NotificationChannel.email.rawValue {
            try await sendEmail(message, contact: contact)
            return
        }
        guard let address = contact.resolvedURL(in: environment), let url = URL(string: address),
            url.scheme == "http" || url.scheme == "https"
        else {
            let source = contact.urlEnv.map { "the environment variable '\($0)'" } ?? "the config"
            throw HTTPDelivery.Failure(description: "no http(s) URL for \(message.recipient) in \(source)")
        }
        if contact.type == NotificationChannel.pagerduty.rawValue {
            try await sendToPagerDuty(message, contact: contact, baseURL: url)
            return
        }
        let body = Data(message.body.utf8)
        var headers = ["Idempotency-Key": message.idempotencyKey]
        if let name = contact.secretEnv {
            guard let secret = environment[name], !secret.isEmpty else {
                throw HTTPDelivery.Failure(description: "the signing secret '\(name)' is not set in the environment")
            }
            headers["Pipewatch-Signature"] = WebhookSignature.header(body: body, secret: secret, at: wallClock.now)
        }
        try await delivery.post(body, to: url, headers: headers)
    }

    /// Posts a PagerDuty trigger to `baseURL`'s `/v2/enqueue`, with the routing key read now.
    private func sendToPagerDuty(_ message: OutboxMessage, contact: StoredContact, baseURL: URL) async throws {
        guard let name = contact.routingKeyEnv, let key = environment[name], !key.isEmpty else {
            let variable = contact.routingKeyEnv.map { "'\($0)'" } ?? "named"
            throw HTTPDelivery.Failure(
                description: "the PagerDuty routing key \(variable) is not set in the environment"
            )
        }
        guard var event = try? JSONSerialization.jsonObject(with: Data(message.body.utf8)) as? [String: Any] else {
            throw HTTPDelivery.Failure(description: "the stored PagerDuty event cannot be read")
        }
        event["routing_key"] = key
        let body = try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys])
        let url = baseURL.path.hasSuffix("/v2/enqueue") ? baseURL : baseURL.appendingPathComponent("v2/enqueue")
        try await delivery.post(body, to: url, headers: ["Idempotency-Key": message.idempotencyKey])
    }

    /// Sends an email through `smtp:`, with the login read from the environment now.
    private func sendEmail(_ message: OutboxMessage, contact: StoredContact) async throws {
        guard let mail, let from = mail.settings.from else {
            throw SMTPDelivery.Failure(description: "email needs the 'smtp:' section with 'from' in the config")
        }
        guard let address = contact.address else {
            throw SMTPDelivery.Failure(description: "the stored email contact has no address")
        }
        var credentials: SMTPDelivery.Credentials?
        if let userEnv = mail.settings.usernameEnv {
            let passwordEnv = mail.settings.passwordEnv ?? ""
            guard let username = environment[userEnv], !username.isEmpty else {
                throw SMTPDelivery.Failure(description: "the SMTP user name '\(userEnv)' is not set in the environment")
            }
            guard let password = environment[passwordEnv], !password.isEmpty else {
                throw SMTPDelivery.Failure(
                    description: "the SMTP password '\(passwordEnv)' is not set in the environment"
                )
            }
            credentials = SMTPDelivery.Credentials(username: username, password: password)
        }
        try await mail.send(message.body, from: from, to: address, credentials: credentials)
    }

    /// Seconds before the next attempt after `attempt` failures: 7 s doubling, ±20 % jitter.
    static func backoff(afterAttempt attempt: Int) -> TimeInterval {
        let base = 7 * pow(2, Double(min(max(attempt - 1, 0), 12)))
        return min(base, 3600) * Double.random(in: 0.8...1.2)
    }
}
