{#-
  Stock `dbt source freshness` fails on SQLite: SQLite has no timestamp type, so
  max(loaded_at) comes back as text and dbt stops with "Expected a timestamp value ...
  received value of type 'str'". This override runs the same query as dbt's
  default__collect_freshness, then parses the text timestamps (ISO 8601 or SQLite's
  'YYYY-MM-DD HH:MM:SS'; no offset means UTC, as dbt assumes) into datetimes.
-#}
{% macro sqlite__collect_freshness(source, loaded_at_field, filter) %}
  {% call statement('collect_freshness', fetch_result=True, auto_begin=False) -%}
    select
      max({{ loaded_at_field }}) as max_loaded_at,
      {{ current_timestamp() }} as snapshotted_at
    from {{ source }}
    {% if filter %}
    where {{ filter }}
    {% endif %}
  {%- endcall %}
  {% set result = load_result('collect_freshness') %}
  {% set row = result.table.rows[0] %}
  {% set parsed = {} %}
  {% for name in ['max_loaded_at', 'snapshotted_at'] %}
    {% set value = row[name] %}
    {% if value is string %}
      {% set value = modules.datetime.datetime.fromisoformat(value) %}
    {% endif %}
    {% do parsed.update({name: value}) %}
  {% endfor %}
  {#- Same shape dbt expects: an AttrDict with `response` and a one-row, two-column `table`. -#}
  {% set table = result.table.from_object([parsed]) %}
  {% do result.update({'table': table, 'data': [[parsed['max_loaded_at'], parsed['snapshotted_at']]]}) %}
  {{ return(result) }}
{% endmacro %}
