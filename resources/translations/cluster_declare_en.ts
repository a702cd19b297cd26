<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../desktop/integrations.py" line="56" />
        <source>全表</source>
        <translation>Whole form</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="56" />
        <source>真实性声明</source>
        <translation>Declaration of truthfulness</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="56" />
        <source>推荐意见</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="61" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="61" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="70" />
        <source>导出、模板与导入…</source>
        <translation>Export, template and import…</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="71" />
        <location filename="../../desktop/integrations.py" line="83" />
        <source>导出报送包…</source>
        <translation>Export submission package…</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="72" />
        <source>校验报送包…</source>
        <translation>Verify submission package…</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="74" />
        <source>本单位证书…</source>
        <translation>Office certificate…</translation>
    </message>
    <message>
        <source>导出 JSON…</source>
        <translation>Export JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="83" />
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
</context>
<context>
    <name>AppListView</name>
    <message>
        <location filename="../../desktop/applist.py" line="62" />
        <source>数据库中还没有申请。可以先载入示例申请（上海市闵行区智能传感器产业集群）看看完整的填报效果，或直接新建一份申请。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="66" />
        <source>载入示例申请(&amp;L)</source>
        <translation>&amp;Load sample application</translation>
    </message>
    <message>
        <source>搜索：集群名称、地区、规则集或编号</source>
        <translation>Search: cluster name, region, rule set or id</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="74" />
        <source>搜索：集群名称、编号、地区或规则集</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="82" />
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="83" />
        <source>打开(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="84" />
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="85" />
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="86" />
        <source>恢复(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="87" />
        <source>回收站(&amp;T)</source>
        <translation>&amp;Trash</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="88" />
        <source>显示已删除的申请，可恢复</source>
        <translation>Show deleted applications (they can be restored)</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="148" />
        <source>ID %1 · 规则集 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="150" />
        <source>已导出报送包；报送记录中有每次导出的 SHA-256</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="241" />
        <source>打开</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="242" />
        <source>复制</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="243" />
        <source>复制为下一年度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="245" />
        <source>恢复</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="246" />
        <source>删除</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>集群名称</source>
        <translation>Cluster name</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>申报年度</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最后修改</source>
        <translation>Last change</translation>
    </message>
    <message>
        <source>总体结论</source>
        <translation>Overall verdict</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/applist.py" line="154" />
        <source>回收站中共 %n 份申请；选中后按“恢复”放回列表。</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/applist.py" line="155" />
        <source>共 %n 份申请。双击或按回车打开；所有修改随时自动保存。</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
</context>
<context>
    <name>AssessmentPage</name>
    <message>
        <location filename="../../desktop/assessment.py" line="84" />
        <source>基本条件与八项指标</source>
        <translation>Basic conditions and the eight indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="85" />
        <location filename="../../desktop/assessment.py" line="93" />
        <location filename="../../desktop/assessment.py" line="108" />
        <location filename="../../desktop/assessment.py" line="202" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="85" />
        <source>结论</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="85" />
        <source>问题数</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="89" />
        <source>各项标准：实测值与门槛</source>
        <translation>Criteria: measured value against threshold</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="93" />
        <source>标准</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="93" />
        <source>实测值</source>
        <translation>Measured</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="93" />
        <source>门槛</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="94" />
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="94" />
        <source>依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="107" />
        <source>不同规则集下的结论对比</source>
        <translation>Verdicts under every rule set</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="111" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="146" />
        <source>&lt;span style="font-size:15pt"&gt;总体结论：&lt;b style="color:%1"&gt;%2&lt;/b&gt;&lt;/span&gt;&lt;br&gt;规则集：%3（%4）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="170" />
        <source>未填写</source>
        <translation>not filled in</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="172" />
        <source>（一般性要求）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="206" />
        <source>（当前）</source>
        <translation> (current)</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="215" />
        <source>总体结论</source>
        <translation>Overall verdict</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../desktop/package_certificate.py" line="29" />
        <source>本单位证书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="45" />
        <source>导出证书（PEM）…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="46" />
        <source>导出证书（DER）…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="47" />
        <source>导入 .p12/.pfx…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="63" />
        <source>还没有本单位证书。首次导出报送包时会创建，也可以导入已有的 .p12/.pfx 证书。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="66" />
        <source>单位：%1
有效期：%2 至 %3
接收方可电话核对下面的 SHA-256 指纹，或导入导出的公钥证书。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="78" />
        <source>导出公钥证书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="84" />
        <location filename="../../desktop/package_certificate.py" line="86" />
        <source>导出证书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="86" />
        <source>已导出本单位公钥证书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="91" />
        <location filename="../../desktop/package_certificate.py" line="94" />
        <location filename="../../desktop/package_certificate.py" line="98" />
        <location filename="../../desktop/package_certificate.py" line="110" />
        <source>导入证书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="94" />
        <source>证书文件的密码：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="98" />
        <source>本程序保存证书用的密码（至少 8 个字符）：</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ChecksEditor</name>
    <message>
        <location filename="../../desktop/field_simple.py" line="209" />
        <source>请填写具体内容</source>
        <translation>Please specify</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <location filename="../../desktop/field_simple.py" line="158" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../desktop/field_simple.py" line="163" />
        <source>请填写具体内容</source>
        <translation>Please specify</translation>
    </message>
</context>
<context>
    <name>EvidenceButton</name>
    <message>
        <location filename="../../desktop/evidence.py" line="34" />
        <source>添加佐证材料</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/evidence.py" line="36" />
        <source>选择文件，或把文件拖到这里</source>
        <translation>Choose files, or drop files here</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/evidence.py" line="52" />
        <source>已添加 %n 个文件</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../desktop/evidence.py" line="52" />
        <source>未添加</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../desktop/evidence.py" line="55" />
        <source>移除“%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/evidence.py" line="59" />
        <source>（尚无文件）</source>
        <translation>(no files)</translation>
    </message>
    <message>
        <location filename="../../desktop/evidence.py" line="64" />
        <source>选择佐证材料</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <location filename="../../desktop/evidence.py" line="65" />
        <source>佐证材料 (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx *.txt *.zip);;所有文件 (*)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/package_export.py" line="78" />
        <source>导出报送包 — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="85" />
        <source>保存报送包</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="88" />
        <source>保存为：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="103" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="117" />
        <source>1. 校验结果</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="128" />
        <source>越过错误报送的理由：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="133" />
        <source>仍要报送时，写明理由（写入清单和修改记录，接收方可见）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="138" />
        <source>✗ 还有 %1 项错误未解决</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="141" />
        <source>✓ 没有错误</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="141" />
        <source>（%1 项警告）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="146" />
        <source>2. 签字盖章的扫描件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="148" />
        <source>选择真实性声明扫描件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="149" />
        <source>选择推荐意见扫描件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="150" />
        <source>真实性声明：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="151" />
        <source>推荐意见：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="152" />
        <source>确认暂缺签章扫描件，仍然导出</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="160" />
        <source>3. 本单位证书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="175" />
        <source>还没有本单位证书：导出时将创建一张自签名证书，请填写单位名称并设置密码（至少 8 个字符，务必牢记）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="178" />
        <source>单位名称：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="179" />
        <source>设置密码：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="180" />
        <source>确认密码：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="182" />
        <source>%1
SHA-256 指纹：%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="184" />
        <source>证书密码：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="207" />
        <source>请输入证书密码。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="209" />
        <source>两次输入的密码不一致。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="211" />
        <source>请填写单位名称（写入证书）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="213" />
        <source>请选择报送包的保存位置。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="255" />
        <source>完成</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="258" />
        <source>
已记录越过错误报送的理由。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="260" />
        <source>
已记入报送记录；申请已封存（已导出），修改前会询问是否重新打开。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="261" />
        <source>✓ 已导出：%1
报送包 SHA-256：%2
签名证书指纹：%3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message numerus="yes">
        <location filename="../../desktop/field_editor.py" line="152" />
        <source>……另有 %n 条</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
</context>
<context>
    <name>FieldHelp</name>
    <message>
        <location filename="../../desktop/field_help.py" line="44" />
        <source>填报说明 — %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FileRow</name>
    <message>
        <location filename="../../desktop/package_widgets.py" line="42" />
        <source>选择…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_widgets.py" line="49" />
        <source>清除</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../desktop/findings.py" line="71" />
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="71" />
        <source>依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="124" />
        <source>本页（%1）：未发现问题</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="147" />
        <source>%1（%2 条，错误 %3）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="149" />
        <source>%1（未填写 %2 项）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="151" />
        <source>本页 · %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="168" />
        <source>○ 未填写 %1 项（离开字段或“检查本页”后逐条显示）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="130" />
        <source>✓ 未发现问题：已填写的内容符合所选规则集。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../desktop/history_view.py" line="90" />
        <source>本栏修改记录 — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="92" />
        <source>修改记录 — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="103" />
        <source>查看某一时刻的版本：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="108" />
        <source>查看该时刻的版本…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="118" />
        <source>查看此版本…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="119" />
        <source>只读显示所选修改之后的申请内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="121" />
        <source>恢复到此版本…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="123" />
        <source>撤销这次恢复</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="126" />
        <source>关闭</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="158" />
        <source>本栏共有 %1 条修改记录（最新的在前）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="160" />
        <source>共 %1 条修改记录（最新的在前）。选中一条可查看或恢复该条修改之后的版本。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="183" />
        <source>第 %1 条修改之后</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="213" />
        <source>恢复到此版本</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="214" />
        <source>把申请恢复到“%1”的版本？
恢复本身记入修改记录，之后可以撤销或再恢复到其他版本。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="226" />
        <source>已恢复到“%1”的版本，共 %2 处修改。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="228" />
        <source>这个版本与现在的内容相同，没有需要恢复的修改。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="250" />
        <source>已撤销这次恢复（%1 处修改）。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LongTextEditor</name>
    <message>
        <location filename="../../desktop/field_simple.py" line="77" />
        <source>%1 / %2 字</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/field_simple.py" line="80" />
        <source>%1 字</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/mainwindow.py" line="56" />
        <location filename="../../desktop/mainwindow.py" line="152" />
        <location filename="../../desktop/mainwindow.py" line="184" />
        <location filename="../../desktop/mainwindow.py" line="340" />
        <location filename="../../desktop/mainwindow.py" line="350" />
        <source>集群申报助手</source>
        <translation>Cluster Declare</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="56" />
        <location filename="../../desktop/mainwindow.py" line="153" />
        <location filename="../../desktop/mainwindow.py" line="184" />
        <location filename="../../desktop/mainwindow.py" line="340" />
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="67" />
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="93" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="94" />
        <source>新建申请(&amp;N)…</source>
        <translation>&amp;New application…</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="95" />
        <source>打开申请(&amp;O)…</source>
        <translation>&amp;Open application…</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="96" />
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="98" />
        <source>导入 JSON(&amp;I)…</source>
        <translation>&amp;Import JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="99" />
        <source>导出 JSON(&amp;E)…</source>
        <translation>&amp;Export JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="101" />
        <source>备份数据库(&amp;B)…</source>
        <translation>&amp;Back up database…</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="102" />
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="104" />
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="106" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="107" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="109" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="114" />
        <source>检查本页(&amp;C)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="116" />
        <source>打印(&amp;P)</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="117" />
        <source>Excel(&amp;X)</source>
        <translation>E&amp;xcel</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="118" />
        <source>报送(&amp;S)</source>
        <translation>&amp;Submission</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="122" />
        <source>报送记录(&amp;J)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="124" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="125" />
        <source>填报说明(&amp;G)</source>
        <translation>Filling &amp;guide</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="126" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="281" />
        <source>已导出申报数据（佐证材料在旁边的 evidence 文件夹）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="294" />
        <source>已备份数据库</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>新建申请</source>
        <translation>New application</translation>
    </message>
    <message>
        <source>选择申报地区与年度（规则集）：</source>
        <translation>Region and campaign (rule set):</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="218" />
        <source>已载入示例申请</source>
        <translation>Sample application loaded</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="225" />
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="226" />
        <source>已保存（每次修改都已自动保存到数据库）</source>
        <translation>Saved (every edit is saved to the database as it is made)</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="233" />
        <location filename="../../desktop/mainwindow.py" line="254" />
        <source>导入申报数据</source>
        <translation>Import application</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="233" />
        <location filename="../../desktop/mainwindow.py" line="274" />
        <source>申报数据 (*.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="255" />
        <source>数据库中已有这份申请（“%1”）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="256" />
        <source>用文件内容覆盖</source>
        <translation>Overwrite with the file</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="257" />
        <source>另存为新申请</source>
        <translation>Save as a new application</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="241" />
        <source>已导入“%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="171" />
        <location filename="../../desktop/mainwindow.py" line="270" />
        <source>请先选择一份申请。</source>
        <translation>Please select an application first.</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="274" />
        <location filename="../../desktop/mainwindow.py" line="281" />
        <source>导出申报数据</source>
        <translation>Export application</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="286" />
        <location filename="../../desktop/mainwindow.py" line="294" />
        <source>备份数据库</source>
        <translation>Back up database</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="287" />
        <source>数据库备份 (*.sqlite)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="299" />
        <location filename="../../desktop/mainwindow.py" line="303" />
        <location filename="../../desktop/mainwindow.py" line="312" />
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="299" />
        <source>数据库备份 (*.sqlite *.db);;所有文件 (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="304" />
        <source>用备份“%1”替换整个数据库？当前数据会先另存一份副本。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="313" />
        <source>已从备份恢复。恢复前的数据已保存为：
%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>填报说明</source>
        <translation>Filling guide</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="345" />
        <source>关于集群申报助手</source>
        <translation>About Cluster Declare</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="346" />
        <source>集群申报助手 %1
中小企业特色产业集群申报表的填报、校验、打印与报送。
离线运行，所有数据保存在本机数据库中。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NewApplicationDialog</name>
    <message>
        <location filename="../../desktop/new_application.py" line="49" />
        <source>新建申请</source>
        <translation>New application</translation>
    </message>
    <message>
        <location filename="../../desktop/new_application.py" line="51" />
        <source>选择申报地区与年度（规则集）(&amp;R)：</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <location filename="../../desktop/field_help.py" line="75" />
        <source>填报说明</source>
        <translation>Filling guide</translation>
    </message>
    <message>
        <location filename="../../desktop/field_help.py" line="83" />
        <source>提示：在任一栏目中按 F1，只显示该栏目的填报说明。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PlatformEditor</name>
    <message>
        <location filename="../../desktop/field_tables.py" line="142" />
        <source>数量</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../desktop/field_tables.py" line="146" />
        <source>个　名称</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/field_tables.py" line="147" />
        <source>平台名称，多个用“、”分隔</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReceiptsDialog</name>
    <message>
        <location filename="../../desktop/receipts.py" line="43" />
        <source>（未命名集群）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/receipts.py" line="44" />
        <source>报送记录 — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/receipts.py" line="47" />
        <source>编号 %1 · 共导出 %2 次。选中一行可复制其报送包 SHA-256 和证书指纹。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/receipts.py" line="49" />
        <source>这份申请还没有导出过报送包。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/receipts.py" line="54" />
        <source>导出时间</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/receipts.py" line="54" />
        <source>操作人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/receipts.py" line="54" />
        <source>签名单位</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/receipts.py" line="55" />
        <source>报送包</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/receipts.py" line="55" />
        <source>报送包 SHA-256</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/receipts.py" line="55" />
        <source>证书指纹</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/receipts.py" line="77" />
        <source>报送包 SHA-256：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/receipts.py" line="78" />
        <source>证书指纹：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/receipts.py" line="79" />
        <source>申报数据 SHA-256：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/receipts.py" line="98" />
        <source>复制</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/receipts.py" line="114" />
        <source>越过错误报送的理由：%1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <location filename="../../desktop/seal_prompt.py" line="20" />
        <source>重新打开已导出的申请</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/seal_prompt.py" line="23" />
        <source>重新打开“%1”后状态回到草稿，可以修改；修改后需重新导出报送包。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/seal_prompt.py" line="25" />
        <source>原报送包的 SHA-256 保留在报送记录中：%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/seal_prompt.py" line="29" />
        <source>重新打开的理由（记入修改记录）：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/seal_prompt.py" line="32" />
        <source>例如：区局审核退回，补充2022年营业收入数据</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/seal_prompt.py" line="39" />
        <source>重新打开</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/seal_prompt.py" line="53" />
        <source>请至少写 %1 个字。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SeriesEditor</name>
    <message>
        <location filename="../../desktop/field_tables.py" line="64" />
        <source>%1年</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StandardsEditor</name>
    <message>
        <location filename="../../desktop/field_tables.py" line="101" />
        <source>%1标准</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/field_tables.py" line="107" />
        <source>%1年</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StatusBox</name>
    <message>
        <location filename="../../desktop/status_box.py" line="21" />
        <source>状态(&amp;T)：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/status_box.py" line="27" />
        <source>重新打开…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/status_box.py" line="29" />
        <source>已导出的申请已封存；写明理由重新打开后可以修改</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/status_box.py" line="31" />
        <source>报送记录…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/status_box.py" line="33" />
        <source>每次导出的时间、报送包 SHA-256 和证书指纹</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/status_box.py" line="50" />
        <source>共导出 %1 次；最近一次 %2，报送包 SHA-256 %3…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/status_box.py" line="64" />
        <source>需先填写%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/status_box.py" line="69" />
        <source>已导出（已封存）：状态只能通过“重新打开”改回草稿</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/status_box.py" line="70" />
        <source>草稿与待审核可以互换；填好推荐意见后可改为已推荐；已导出由导出报送包产生</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../desktop/package_verify.py" line="28" />
        <source>校验报送包</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="33" />
        <source>把报送包（.zip）拖到这里，或点“选择报送包…”。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="38" />
        <source>选择信任的证书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="40" />
        <source>信任的证书（可选）：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="53" />
        <source>选择报送包…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="75" />
        <source>上面的“信任的证书”一栏</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="84" />
        <source>选择报送包</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VersionDialog</name>
    <message>
        <location filename="../../desktop/history_view.py" line="263" />
        <source>历史版本（只读）— %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="269" />
        <source>这是申请在“%1”时的内容（只读）。与现在不同的栏目：%2 个（加粗）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="273" />
        <source>只显示与现在不同的栏目</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="276" />
        <source>栏目</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="276" />
        <source>当时</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="276" />
        <source>现在</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="291" />
        <source>恢复到此版本…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="296" />
        <source>关闭</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WizardView</name>
    <message>
        <location filename="../../desktop/wizardview.py" line="171" />
        <source>← 申请列表</source>
        <translation>← Applications</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="172" />
        <source>返回申请列表（所有修改均已保存）</source>
        <translation>Back to the list (all edits are saved)</translation>
    </message>
    <message>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="183" />
        <source>规则集(&amp;R)：</source>
        <translation>&amp;Rule set:</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="211" />
        <source>上一页(&amp;P)</source>
        <translation>&amp;Previous</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="212" />
        <source>下一页(&amp;N)</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="218" />
        <source>检查本页(&amp;C)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="220" />
        <source>把本页尚未填写的栏目作为问题逐条列出</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="261" />
        <source>已自动保存</source>
        <translation>Saved automatically</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="352" />
        <source>结论：&lt;b style="color:%1"&gt;%2&lt;/b&gt;　错误 %3 条</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="355" />
        <source>　&lt;span style="color:%1"&gt;未填写 %2 项&lt;/span&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>没有保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <location filename="../../desktop/field_simple.py" line="115" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/field_simple.py" line="115" />
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../desktop/field_simple.py" line="117" />
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../desktop/package_dialogs.py" line="43" />
        <source>导出报送包</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_dialogs.py" line="43" />
        <source>已导出报送包</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../desktop/seal_prompt.py" line="59" />
        <source>已导出的申请</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/seal_prompt.py" line="60" />
        <source>“%1”已导出报送包（已封存），数据库中的数据与报送包中签名的数据一致。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/seal_prompt.py" line="63" />
        <source>要修改，请重新打开它（写明理由，状态回到草稿），或在一份副本上修改。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/seal_prompt.py" line="64" />
        <source>重新打开并修改…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/seal_prompt.py" line="65" />
        <source>在副本上修改</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>self.window_</name>
    <message>
        <location filename="../../desktop/history_view.py" line="381" />
        <source>本栏修改记录…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../desktop/history_view.py" line="333" />
        <source>请先选择或打开一份申请。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="345" />
        <source>请先点击要查看修改记录的栏目。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="351" />
        <source>修改记录(&amp;R)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="353" />
        <source>申请修改记录…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/history_view.py" line="354" />
        <source>本栏修改记录…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="83" />
        <source>导出 JSON…</source>
        <translation>Export JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop/package_dialogs.py" line="27" />
        <source>请先打开要导出的申请。</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>