import Synchronization

/// The keys the reader has accepted so far, in any mapping it read: the docs test reads configs
/// that use every section, then checks that docs/configuration.md names each of these keys.
package enum ConfigVocabulary {
    package static var keysRead: Set<String> { MappingReader.keysRead.withLock { $0 } }
}
