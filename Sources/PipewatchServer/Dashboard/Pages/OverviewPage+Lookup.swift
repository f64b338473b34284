import Mustache

/// The health board has a row per pipeline (hundreds): the template reads a row's fields by name
/// here instead of through `Mirror`, which is most of the page's rendering time otherwise.
extension OverviewPage.HealthRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "href": href
        case "name": self.name
        case "health": health
        case "healthDetail": healthDetail
        case "lastRun": lastRun
        case "lastRunState": lastRunState
        case "openSignals": openSignals
        case "hasSignals": hasSignals
        case "failingChecks": failingChecks
        case "hasFailingChecks": hasFailingChecks
        case "nextDeadline": nextDeadline
        case "owners": owners
        default: nil
        }
    }
}
