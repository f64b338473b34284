-- Downstream of profit_daily: `dbt build` skips it because a test of profit_daily fails.
select
    strftime('%Y-%m', order_date) as month,
    sum(revenue) as revenue,
    sum(cost) as cost,
    sum(profit) as profit
from {{ ref('profit_daily') }}
group by 1
