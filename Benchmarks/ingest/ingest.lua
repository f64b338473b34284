-- wrk script: posts OpenLineage RunEvents, each a new run (START, then COMPLETE for every
-- second request), shaped like what the official Python client sends.
local token = os.getenv("PIPEWATCH_TOKEN") or "pipewatch-demo-token"
local counter = 0
-- wrk processes run side by side (scripts/bench-scaleout.sh) number their threads apart, so run ids never collide.
local thread_id = (tonumber(os.getenv("PIPEWATCH_BENCH_WRK") or "0") or 0) * 16

function setup(thread)
    thread:set("thread_id", thread_id)
    thread_id = thread_id + 1
end

local function uuid(n)
    return string.format("01%06x-%04x-7%03x-8%03x-%012x", thread_id, math.random(0, 0xffff),
        math.random(0, 0xfff), math.random(0, 0xfff), n)
end

local template = [[{"eventTime": "%s", "eventType": "%s", "inputs": [{"facets": {"schema": {"_producer": "https://github.com/OpenLineage/OpenLineage/tree/1.54.0/client/python", "_schemaURL": "https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet", "fields": [{"fields": [], "name": "id", "type": "integer"}, {"fields": [], "name": "amount", "type": "numeric"}]}}, "name": "sales.orders", "namespace": "postgres://127.0.0.1:5432"}], "job": {"facets": {}, "name": "profit_daily", "namespace": "airflow"}, "outputs": [{"facets": {}, "name": "analytics.profit_daily", "namespace": "postgres://127.0.0.1:5432"}], "producer": "https://example.invalid/bench", "run": {"facets": {}, "runId": "%s"}, "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"}]]

local run_id = nil

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
