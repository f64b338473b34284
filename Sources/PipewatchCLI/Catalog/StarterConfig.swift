/// The config `pipewatch init` writes: small, commented, and valid as it stands.
enum StarterConfig {
    static let text = """
        # pipewatch.yaml: your team's data pipelines, their owners, the on-call rotation and the run books.
        # Check it with 'pipewatch validate'; every problem is reported with its line and column.

        team:
          name: Data Engineering
          timezone: America/New_York        # rotation handoffs and deadlines are read in this zone
          source: warehouse                 # the database data checks query unless they name another

        # The databases data checks query, read-only. The password comes from the environment;
        # a password written here is an error. An SQLite file works too: 'url: sqlite:path/to/file.sqlite'.
        sources:
          warehouse:
            url: postgres://pipewatch_checks@localhost:5432/warehouse
            password_env: WAREHOUSE_PASSWORD

        # Engineers own pipelines and take on-call shifts. Their region's public holidays
        # (ISO 3166 code, optionally with a subdivision: US-NY, GB-ENG, DE-BY) are days off.
        # Pages reach them through 'contacts': a signed webhook or a Slack incoming webhook, whose
        # URLs and secrets come from environment variables the server is started with.
        engineers:
          alice:
            { name: Alice Example, email: alice@example.com, region: US-NY, timezone: America/New_York,
              contacts: [{ slack: { url_env: SLACK_WEBHOOK_ALICE } }] }
          bob:
            { name: Bob Example, email: bob@example.com, region: IL, timezone: Asia/Jerusalem,
              contacts: [{ slack: { url_env: SLACK_WEBHOOK_BOB } }] }
          carol:
            { name: Carol Example, email: carol@example.com, region: PL, timezone: Europe/Warsaw,
              contacts: [{ webhook: { url_env: PAGER_WEBHOOK_CAROL, secret_env: PAGER_SECRET_CAROL } }] }

        # People outside the team: metric owners, and whoever must hear when a metric is late.
        stakeholders:
          finance:
            { name: Finance Analytics, email: finance@example.com, contacts: [{ slack: { url_env: SLACK_WEBHOOK_FINANCE } }] }

        pipelines:
          revenue:
            name: Revenue
            owners: { primary: alice, secondary: bob }   # primary and a backup
            metric_owner: finance                         # owns the metric, not the data
            audience: internal                            # internal | experiments | investors
            jobs: [{ namespace: airflow, name: revenue_daily }]   # OpenLineage jobs that feed it
            checks:
              orders-fresh: { freshness: { table: sales.orders, column: updated_at, max_age: 6h } }

          investor-revenue:
            name: Revenue reported to investors
            owners: { primary: bob, secondary: alice }
            audience: investors           # needs a run book, a deadline, stakeholders and a secondary owner
            upstream: [revenue]
            deliver_by: "09:00"           # local time in the team's zone; or "09:00 Asia/Jerusalem"
            stakeholders: [finance]
            runbook:
              - step: Check the sources for missing or delayed inputs.
                checks: [orders-fresh-for-investors]
              - step: Review the job's recent runs for errors or timeouts.
                show_runs: true
              - step: Escalate to the secondary owner if these steps do not resolve it.
                escalate: secondary
              - step: Tell the stakeholders if the metric cannot be delivered on time.
                notify: stakeholders
            checks:                       # ids are unique across pipelines; 'every: 15m' unless 'cron' or 'after: run'
              orders-fresh-for-investors: { freshness: { table: sales.orders, column: updated_at, max_age: 2h }, cron: "0 7 * * *" }

        # Who may use the HTTP API. Orchestrators post events with a token of write scope; until one
        # is declared, 'pipewatch serve' refuses ingest (and says so). Make one with
        #   pipewatch token new --name airflow
        # which prints the token (give it to Airflow) and its SHA-256 (paste it below). Then:
        # api:
        #   read_access: open               # or 'token': reads need a token too
        #   tokens:
        #     - { name: airflow, sha256: PASTE-THE-HASH-HERE, scope: write }

        # One week each, in this order, handing over on Mondays at 09:00. Engineers in three regions
        # keep someone available on every public holiday ('pipewatch validate' warns of any gap).
        oncall:
          rotation: [alice, bob, carol]
          shift: 1 week
          handoff: monday 09:00
          starts: 2026-01-05
          swap_notice: 7 days           # swaps must be requested a week ahead
          seasons:
            - { name: Year-end holidays, from: 12-20, to: 01-05, shifts: daily }

        # When a page is not acknowledged: on call first, then the pipeline's owners.
        escalation:
          - { notify: oncall, ack_within: 15m }
          - { notify: primary_owner, ack_within: 30m }
          - { notify: secondary_owner }

        """
}
