-- Order 2 is listed twice: the `unique` test on order_id fails.
select 1 as order_id, 10 as customer_id, 25.0 as amount
union all select 2, 11, 40.0
union all select 2, 11, 40.0
