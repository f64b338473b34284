select
    order_id,
    customer_id,
    date(ordered_at) as order_date,
    amount,
    cost,
    status,
    loaded_at
from {{ source('raw', 'orders') }}
