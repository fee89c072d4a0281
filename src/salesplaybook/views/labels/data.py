"""The data page's generated tables: what a data folder may hold and how it is read."""

from __future__ import annotations

from salesplaybook.core.languages import Lang

DATA: dict[str, dict[Lang, str]] = {
    "data_file": {"en": "File", "zh": "文件"},
    "data_read_as": {"en": "Read as", "zh": "读作"},
    "data_table": {"en": "Table", "zh": "数据表"},
    "data_column": {"en": "Column", "zh": "列"},
    "data_headers": {"en": "Headers accepted", "zh": "可用的表头"},
    "data_value": {"en": "Value", "zh": "取值"},
    "data_spellings": {"en": "Spellings accepted", "zh": "可用的写法"},
    "data_unit": {"en": "Unit or mark", "zh": "单位或符号"},
    "data_means": {"en": "Means", "zh": "含义"},
    "data_key": {"en": "Key", "zh": "键"},
    "data_code": {"en": "Reason code", "zh": "原因代码"},
    "data_any_name": {"en": "any name, recognised by its header", "zh": "任意文件名，按表头识别"},
    "data_owner_ids": {
        "en": "CRM user ids of the owners (Id, EmployeeNumber, Email, Name)",
        "zh": "负责人的 CRM 用户 ID（Id、EmployeeNumber、Email、Name）",
    },
    "data_skipped": {"en": "passed over (it has no tier)", "zh": "跳过（没有客户层级）"},
    "data_workbook": {
        "en": "first sheet; title rows and merged cells handled",
        "zh": "读取第一个工作表；自动跳过标题行，处理合并单元格",
    },
    "data_converted": {
        "en": "converted amount (used instead of Amount)",
        "zh": "折算金额（优先于原金额使用）",
    },
    "data_currency_column": {"en": "the row's currency", "zh": "该行的币种"},
    "data_times": {"en": "× {factor}", "zh": "× {factor}"},
    "data_mapping_keys": {"en": "keys of salesplaybook.yaml", "zh": "salesplaybook.yaml 的键"},
    "data_sample": {
        "en": "The embedded sample organisation: generated tables, nothing left out.",
        "zh": "内置的示例组织：生成的数据表，没有剔除任何行。",
    },
    "data_no_warnings": {"en": "No warnings.", "zh": "没有警告。"},
    "data_warnings": {"en": "Warnings", "zh": "警告"},
    "data_rows": {
        "en": "{read} rows read, {used} used",
        "zh": "读取 {read} 行，使用 {used} 行",
    },
    "data_left_out": {"en": "left out: {rows} rows, {reason}", "zh": "剔除：{rows} 行，{reason}"},
    "data_no_data_why": {"en": "No data, and why", "zh": "无数据的指标及原因"},
    "data_recognised": {"en": "Recognised as", "zh": "识别为"},
    "data_rows_head": {"en": "Rows", "zh": "行数"},
}
