-- Daily revenue, cost and profit: the Profit pipeline's output (meta.pipewatch_pipeline).
-- A day whose orders all lack a cost has a NULL cost, which not_null_profit_daily_cost catches.
select
    order_date,
    count(*) as orders,
    sum(amount) as revenue,
    sum(cost) as cost,
    sum(amount) - sum(cost) as profit
from {{ ref('stg_orders') }}
where status != 'returned'
group by order_date
