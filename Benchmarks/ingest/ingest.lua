-- wrk script: posts OpenLineage RunEvents, each a new run (START, then COMPLETE for every
-- second request), shaped like what the official Python client sends.
local token = os.getenv("PIPEWATCH_TOKEN") or "pipewatch-demo-token"
local counter = 0
-- Every wrk thread runs this script in a Lua state of its own, so run ids are kept apart by the
-- thread's number, which setup() (in wrk's main state) hands each thread as the global
-- `thread_index`; wrk processes run side by side (scripts/bench-scaleout.sh) number theirs apart.
-- (A file-level local here would be 0 in every thread, and with the same random sequence in each,
-- the second thread repeated the first one's runs: half the events were duplicates.)
local next_thread = (tonumber(os.getenv("PIPEWATCH_BENCH_WRK") or "0") or 0) * 16

function setup(thread)
    thread:set("thread_index", next_thread)
    next_thread = next_thread + 1
end

local function uuid(n)
    return string.format("01%06x-%04x-7%03x-8%03x-%012x", thread_index, math.random(0, 0xffff),
        math.random(0, 0xfff), math.random(0, 0xfff), n)
end

local template = [[{"eventTime": "%s", "eventType": "%s", "inputs": [{"facets": {"schema": {"_producer": "https://github.com/OpenLineage/OpenLineage/tree/1.54.0/client/python", "_schemaURL": "https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet", "fields": [{"fields": [], "name": "id", "type": "integer"}, {"fields": [], "name": "amount", "type": "numeric"}]}}, "name": "sales.orders", "namespace": "postgres://127.0.0.1:5432"}], "job": {"facets": {}, "name": "profit_daily", "namespace": "airflow"}, "outputs": [{"facets": {}, "name": "analytics.profit_daily", "namespace": "postgres://127.0.0.1:5432"}], "producer": "https://example.invalid/bench", "run": {"facets": {}, "runId": "%s"}, "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"}]]

local run_id = nil

-- A seed per thread and per start, so that wrk run again against the same server sends new runs.
function init(args)
    math.randomseed(os.time() * 64 + thread_index)
end

function request()
    counter = counter + 1
    local event_type, time
    if counter % 2 == 1 then
        run_id = uuid(counter)
        event_type, time = "START", "2026-11-27T12:00:00.000000+00:00"
    else
        event_type, time = "COMPLETE", "2026-11-27T12:05:00.000000+00:00"
    end
    local body = string.format(template, time, event_type, run_id)
    return wrk.format("POST", "/api/v1/lineage", {
        ["Content-Type"] = "application/json",
        ["Authorization"] = "Bearer " .. token,
    }, body)
end

local failures = 0
function response(status, headers, body)
    if status ~= 201 then failures = failures + 1 end
end

function done(summary, latency, requests)
    io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
