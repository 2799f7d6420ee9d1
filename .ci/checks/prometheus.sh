#!/usr/bin/env bash
# CI: the Prometheus samples of packaging/deploy/prometheus/ are valid and their alerts behave:
#   promtool check config (scrape config + the rule file), promtool test rules (alert unit tests), and every
#   PromQL expression of the Grafana dashboard parses (each is wrapped in a recording rule and checked).
# Needs: promtool (apt-get install prometheus), jq.
set -euo pipefail
cd "$(dirname "$0")/../../packaging/deploy/prometheus"

echo "== Prometheus: config, rules, rule unit tests, dashboard queries"
promtool check config prometheus.yml
promtool test rules sriov-agent.rules.test.yml

# Dashboard queries: substitute the template variables with sample values, then let promtool parse them.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The $ names below are Grafana variables, not shell ones.
# shellcheck disable=SC2016
{
    echo "groups:"
    echo "  - name: dashboard-queries"
    echo "    rules:"
    jq -r '.panels[].targets[]?.expr' grafana-dashboard.json \
        | sed -e 's/\$job/sriov-agent/g' -e 's/\$instance/vm-1/g' -e 's/\$__rate_interval/5m/g' \
        | awk '{ n++; gsub(/\047/, "\047\047"); printf "      - record: dashboard:query_%d\n        expr: \047%s\047\n", n, $0 }'
} > "$work/dashboard-queries.yml"
count=$(grep -c 'record:' "$work/dashboard-queries.yml")
if grep -q '\$' "$work/dashboard-queries.yml"; then
    echo "FAIL: a dashboard query uses a template variable this check does not know:" >&2
    grep '\$' "$work/dashboard-queries.yml" >&2
    exit 1
fi
promtool check rules "$work/dashboard-queries.yml" >/dev/null
echo "  SUCCESS: $count dashboard queries parse"
echo "prometheus check: all passed"
