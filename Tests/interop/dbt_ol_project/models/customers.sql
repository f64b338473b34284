select 10 as customer_id, 'Ada' as name
union all select 11, 'Grace'
