{#- A custom schema is used as is (seeds go to `raw`, the attached raw database), instead of
    dbt's default `<target schema>_<custom>`, which would name a database that does not exist. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
