<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../desktop/integrations.py" line="30" />
        <source>全表</source>
        <translation>Whole form</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="30" />
        <source>真实性声明</source>
        <translation>Declaration of truthfulness</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="30" />
        <source>推荐意见</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="31" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="31" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="37" />
        <source>（打印模块未安装）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="39" />
        <source>导出、模板与导入…</source>
        <translation>Export, template and import…</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="41" />
        <source>（Excel 模块未安装）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="43" />
        <location filename="../../desktop/integrations.py" line="58" />
        <source>导出报送包…</source>
        <translation>Export submission package…</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="44" />
        <source>校验报送包…</source>
        <translation>Verify submission package…</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="46" />
        <source>本单位证书…</source>
        <translation>Office certificate…</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="48" />
        <source>（报送模块未安装）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="54" />
        <source>导出 JSON…</source>
        <translation>Export JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop/integrations.py" line="56" />
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
</context>
<context>
    <name>AppListView</name>
    <message>
        <location filename="../../desktop/applist.py" line="63" />
        <source>数据库中还没有申请。可以先载入示例申请（上海市闵行区智能传感器产业集群）看看完整的填报效果，或直接新建一份申请。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="67" />
        <source>载入示例申请(&amp;L)</source>
        <translation>&amp;Load sample application</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="75" />
        <source>搜索：集群名称、地区、规则集或编号</source>
        <translation>Search: cluster name, region, rule set or id</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="83" />
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="84" />
        <source>打开(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="85" />
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="86" />
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="87" />
        <source>恢复(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="88" />
        <source>回收站(&amp;T)</source>
        <translation>&amp;Trash</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="89" />
        <source>显示已删除的申请，可恢复</source>
        <translation>Show deleted applications (they can be restored)</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="97" />
        <source>集群名称</source>
        <translation>Cluster name</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="97" />
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="97" />
        <source>申报年度</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="98" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="98" />
        <source>最后修改</source>
        <translation>Last change</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="98" />
        <source>总体结论</source>
        <translation>Overall verdict</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="146" />
        <source>编号 %1 · 规则集 %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../desktop/applist.py" line="151" />
        <source>回收站中共 %n 份申请；选中后按“恢复”放回列表。</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/applist.py" line="152" />
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
        <location filename="../../desktop/assessment.py" line="81" />
        <source>基本条件与八项指标</source>
        <translation>Basic conditions and the eight indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="82" />
        <location filename="../../desktop/assessment.py" line="90" />
        <location filename="../../desktop/assessment.py" line="105" />
        <location filename="../../desktop/assessment.py" line="204" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="82" />
        <source>结论</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="82" />
        <source>问题数</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="86" />
        <source>各项标准：实测值与门槛</source>
        <translation>Criteria: measured value against threshold</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="90" />
        <source>标准</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="90" />
        <source>实测值</source>
        <translation>Measured</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="90" />
        <source>门槛</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="91" />
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="91" />
        <source>依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="104" />
        <source>不同规则集下的结论对比</source>
        <translation>Verdicts under every rule set</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="108" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="143" />
        <source>&lt;span style="font-size:15pt"&gt;总体结论：&lt;b style="color:%1"&gt;%2&lt;/b&gt;&lt;/span&gt;&lt;br&gt;规则集：%3（%4）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="168" />
        <source>未填写</source>
        <translation>not filled in</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="170" />
        <source>（一般性要求）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="208" />
        <source>（当前）</source>
        <translation> (current)</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="213" />
        <source>总体结论</source>
        <translation>Overall verdict</translation>
    </message>
</context>
<context>
    <name>ChecksEditor</name>
    <message>
        <location filename="../../desktop/fields.py" line="381" />
        <source>请填写具体内容</source>
        <translation>Please specify</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <location filename="../../desktop/fields.py" line="330" />
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../desktop/fields.py" line="335" />
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
        <location filename="../../desktop/evidence.py" line="62" />
        <source>选择佐证材料</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <location filename="../../desktop/evidence.py" line="63" />
        <source>佐证材料 (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx *.txt *.zip);;所有文件 (*)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../desktop/fields.py" line="89" />
        <source> &lt;span style="color:#1565c0"&gt;（补充项）&lt;/span&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/fields.py" line="91" />
        <source>&lt;span style="color:#757575"&gt;（%1字以内）&lt;/span&gt;</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../desktop/fields.py" line="137" />
        <source>……另有 %n 条</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../desktop/findings.py" line="53" />
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="53" />
        <source>依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="92" />
        <source>%1（%2 条，错误 %3）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="109" />
        <source>✓ 未发现问题：已填写的内容符合所选规则集。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LongTextEditor</name>
    <message>
        <location filename="../../desktop/fields.py" line="240" />
        <source>%1 / %2 字</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/fields.py" line="243" />
        <source>%1 字</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/mainwindow.py" line="52" />
        <location filename="../../desktop/mainwindow.py" line="139" />
        <location filename="../../desktop/mainwindow.py" line="152" />
        <location filename="../../desktop/mainwindow.py" line="316" />
        <source>集群申报助手</source>
        <translation>Cluster Declare</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="52" />
        <location filename="../../desktop/mainwindow.py" line="140" />
        <location filename="../../desktop/mainwindow.py" line="152" />
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="64" />
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="83" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="84" />
        <source>新建申请(&amp;N)…</source>
        <translation>&amp;New application…</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="85" />
        <source>打开申请(&amp;O)…</source>
        <translation>&amp;Open application…</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="86" />
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="88" />
        <source>导入 JSON(&amp;I)…</source>
        <translation>&amp;Import JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="89" />
        <source>导出 JSON(&amp;E)…</source>
        <translation>&amp;Export JSON…</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="91" />
        <source>备份数据库(&amp;B)…</source>
        <translation>&amp;Back up database…</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="92" />
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="94" />
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="96" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="97" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="99" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="104" />
        <source>打印(&amp;P)</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="105" />
        <source>Excel(&amp;X)</source>
        <translation>E&amp;xcel</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="106" />
        <source>报送(&amp;S)</source>
        <translation>&amp;Submission</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="111" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="112" />
        <source>填报说明(&amp;G)</source>
        <translation>Filling &amp;guide</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="113" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="170" />
        <source>新建申请</source>
        <translation>New application</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="170" />
        <source>选择申报地区与年度（规则集）：</source>
        <translation>Region and campaign (rule set):</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="191" />
        <source>已载入示例申请</source>
        <translation>Sample application loaded</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="198" />
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="199" />
        <source>已保存（每次修改都已自动保存到数据库）</source>
        <translation>Saved (every edit is saved to the database as it is made)</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="208" />
        <location filename="../../desktop/mainwindow.py" line="218" />
        <source>导入申报数据</source>
        <translation>Import application</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="208" />
        <location filename="../../desktop/mainwindow.py" line="245" />
        <source>申报数据 (*.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="219" />
        <source>数据库中已有这份申请（“%1”）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="220" />
        <source>用文件内容覆盖</source>
        <translation>Overwrite with the file</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="221" />
        <source>另存为新申请</source>
        <translation>Save as a new application</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="234" />
        <source>已导入“%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="240" />
        <source>请先选择一份申请。</source>
        <translation>Please select an application first.</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="244" />
        <source>导出申报数据</source>
        <translation>Export application</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="253" />
        <source>已导出到 %1（佐证材料在旁边的 evidence 文件夹）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="258" />
        <source>备份数据库</source>
        <translation>Back up database</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="259" />
        <source>数据库备份 (*.sqlite)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="267" />
        <source>已备份到 %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="272" />
        <location filename="../../desktop/mainwindow.py" line="276" />
        <location filename="../../desktop/mainwindow.py" line="287" />
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="272" />
        <source>数据库备份 (*.sqlite *.db);;所有文件 (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="277" />
        <source>用备份“%1”替换整个数据库？当前数据会先另存一份副本。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="288" />
        <source>已从备份恢复。恢复前的数据已保存为：
%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="303" />
        <source>填报说明</source>
        <translation>Filling guide</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="311" />
        <source>关于集群申报助手</source>
        <translation>About Cluster Declare</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="312" />
        <source>集群申报助手 %1
中小企业特色产业集群申报表的填报、校验、打印与报送。
离线运行，所有数据保存在本机数据库中。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PlatformEditor</name>
    <message>
        <location filename="../../desktop/fields.py" line="501" />
        <source>数量</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../desktop/fields.py" line="505" />
        <source>个　名称</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/fields.py" line="506" />
        <source>平台名称，多个用“、”分隔</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SeriesEditor</name>
    <message>
        <location filename="../../desktop/fields.py" line="430" />
        <source>%1年</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StandardsEditor</name>
    <message>
        <location filename="../../desktop/fields.py" line="463" />
        <source>%1标准</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/fields.py" line="469" />
        <source>%1年</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WizardView</name>
    <message>
        <location filename="../../desktop/wizardview.py" line="132" />
        <source>← 申请列表</source>
        <translation>← Applications</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="133" />
        <source>返回申请列表（所有修改均已保存）</source>
        <translation>Back to the list (all edits are saved)</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="142" />
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="151" />
        <source>规则集(&amp;R)：</source>
        <translation>&amp;Rule set:</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="179" />
        <source>上一页(&amp;P)</source>
        <translation>&amp;Previous</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="180" />
        <source>下一页(&amp;N)</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="223" />
        <source>已自动保存</source>
        <translation>Saved automatically</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="277" />
        <source>结论：&lt;b style="color:%1"&gt;%2&lt;/b&gt;　错误 %3 条</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="297" />
        <source>没有保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <location filename="../../desktop/fields.py" line="287" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/fields.py" line="287" />
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../desktop/fields.py" line="289" />
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../desktop/integrations.py" line="76" />
        <source>该功能尚未提供。</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>