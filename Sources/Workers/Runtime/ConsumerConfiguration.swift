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
    /// Longest time one batch may take before it counts as failed.
    public var handlerTimeout: Duration

    public init(
        stream: RedisKey, group: String, consumerName: String, batchSize: Int = 100, block: Duration = .seconds(1),
        visibilityTimeout: Duration = .seconds(30), maxDeliveries: Int = 5, handlerTimeout: Duration = .seconds(20)
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

    /// `<host>-<pid>-<suffix>`: unique across replicas and restarts.
    public static func consumerName(suffix: String) -> String {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(suffix)"
    }
}
