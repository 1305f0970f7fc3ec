import Foundation
import Shared

/// How one consumer reads its stream.
public struct ConsumerConfiguration: Sendable {
    public var stream: RedisKey
    public var group: String
    /// Unique per process and consumer: `<host>-<pid>-<role>-<n>`.
    public var consumerName: String
    /// Entries per XREADGROUP.
    public var batchSize: Int
    /// How long one read blocks; bounds how fast shutdown notices.
    public var block: Duration
    /// Entries pending longer than this are taken over by any live consumer.
    public var visibilityTimeout: Duration
    /// Deliveries after which an entry goes to the dead-letter stream.
    public var maxDeliveries: Int
    /// Longest time one batch may take before it counts as failed, plus `perMessageTimeout`
    /// for each entry in it.
    public var handlerTimeout: Duration
    public var perMessageTimeout: Duration = .milliseconds(100)
    /// First retry delay of a failed entry; doubles with each delivery (with jitter) up to
    /// the visibility timeout.
    public var retryBase: Duration = .milliseconds(500)
    /// Asked when a batch fails: false means a dependency (PostgreSQL) is down, so the batch
    /// waits and is retried as it is, without spending its deliveries.
    public var dependenciesHealthy: (@Sendable () async -> Bool)?

    public init(
        stream: RedisKey, group: String, consumerName: String, batchSize: Int = 100, block: Duration = .seconds(1),
        visibilityTimeout: Duration = .seconds(30), maxDeliveries: Int = 5, handlerTimeout: Duration = .seconds(10)
    ) {
        self.stream = stream
        self.group = group
        self.consumerName = consumerName
        self.batchSize = batchSize
        self.block = block
        self.visibilityTimeout = visibilityTimeout
        self.maxDeliveries = maxDeliveries
        self.handlerTimeout = handlerTimeout
    }

    /// The consumer that holds failed entries while they wait for their retry.
    public var retryConsumer: String { group + ":retry" }

    /// The delay before delivery `deliveries + 1` of a failed entry: exponential, capped at
    /// the visibility timeout, with ±25 % jitter so retries of a burst do not line up.
    public func retryDelay(afterDeliveries deliveries: Int) -> Duration {
        let exponent = min(max(deliveries - 1, 0), 16)
        // Kept under the visibility timeout, so the retry (not a reclaim) picks the entry up.
        let base = min(retryBase * (1 << exponent), visibilityTimeout * 0.6)
        return base * Double.random(in: 0.75...1.25)
    }

    /// `<host>-<pid>-<suffix>`: unique across replicas and restarts.
    public static func consumerName(suffix: String) -> String {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(suffix)"
    }
}
