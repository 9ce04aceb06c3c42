"""Word lists of the query pipeline, shipped inside the worker. General Chinese, never topics of this site.

Question forms are removed from a query (they ask *about* a topic); generic words stay in the query but
do not count as its topic, so 「档案整理标准」 is about 档案整理 and a query made only of generic words
(「制度」) searches for them."""

from __future__ import annotations

# Regular expressions (JavaScript syntax, applied to the normalised query); each match becomes a space.
QUESTION_FORMS = [
    r"[一两三每]+(?:次|遍|天|日|个|人|名|年|月|周|回|届|期)(?:以上|以内|左右)?",
    r"[几多少]+(?:次|遍|天|日|个|人|名|年|月|周|回|届|期|(?=小时|学时|分钟|项|份|页))",
    r"是(?=多少|什么|谁|哪|几)",
    r"多久|多长时间|多长|多少|多大|几时|何时|什么时候|哪天|哪一天|啥时候",
    r"要不要|能不能|可不可以|需不需要|用不用|是不是|有没有|该不该|会不会|必须吗|是否|能否|可否|有无",
    r"(?:怎么|怎样|如何|咋)(?:写|填|做|办|弄|开|搞|进行|处理|操作|安排|组织|准备)?|怎么样|怎么办",
    r"谁来|由谁|找谁|是谁|谁|哪些|哪个|哪种|在哪里|在哪儿|在哪|哪里|哪儿|什么样|什么|啥|为什么|为何|干什么",
    r"(?:有)?(?:什么|啥)?(?:区别|差别|异同)",
    r"请问|我想知道|想知道|想问|我要|我们|一下|应该|应当|需要|必须|可以|能够|能用|好用|管用|有用",
    r"[吗呢吧啊呀么的了]$",
    r"[?？!！,，。.、;；:：\"“”'‘’()（）《》【】\[\]]",
]

# Characters that join words in a question rather than make them (换届要提前: 换届 + 要 + 提前). A run of the
# index that holds one is not taken as a word of the query; vocabulary words (重要, 对照, 党的建设) still are.
FUNCTION_CHARS = "的了要和与及或在是就都也还把被对给让向从按"

# Words that say what kind of thing is wanted, not what about.
GENERIC = ["标准", "流程", "制度", "要求", "规定", "办法", "程序", "规范", "规则", "做法", "步骤", "工作", "事项",
           "注意事项", "内容", "情况", "问题", "方法", "相关", "有关", "具体", "细则", "范本", "样本", "模板",
           "格式", "文件", "资料", "材料", "说明", "指南", "条件", "时间", "时限", "频次", "次数", "期限",
           "方案", "计划", "总结", "安排",
           "开展", "召开", "进行", "组织", "落实", "执行", "管理", "党建", "党组织", "党支部", "支部", "单位",
           "基层"]

# What a question form or a generic word asks for, as words the answering section tends to contain. They only
# reorder results that already match the topic; they never make a result on their own.
HINTS = [
    (r"谁|由谁|谁来|找谁|负责", ["责任人", "职责", "负责", "管理员"]),
    (r"多久|几次|多少次|频次|次数|多长时间|每隔", ["每月", "每年", "每季度", "时限", "一次", "至少"]),
    (r"什么时候|何时|哪天|几号|时限|期限", ["时间", "时限", "日期", "之前", "届满"]),
    (r"哪些材料|什么材料|材料|资料", ["材料", "证明材料", "产出文件", "归档", "资料"]),
    (r"怎么写|怎样写|如何写|写法|格式", ["格式", "写法", "写明", "样式"]),
    (r"流程|程序|步骤|怎么办|怎么做|如何做|怎样做", ["工作步骤", "步骤", "规程", "程序"]),
    (r"为什么|为何|原因|区别|不同", ["为什么", "原因", "区别", "不同", "依据"]),
    (r"标准|规范|要求|规定", ["标准", "要求", "规定", "规范"]),
]
