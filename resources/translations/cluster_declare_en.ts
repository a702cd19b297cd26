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
    <name>AnnualDialog</name>
    <message>
        <location filename="../../desktop/follow/dialogs.py" line="87" />
        <source>%1 年度培育情况</source>
        <translation type="unfinished" />
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
        <location filename="../../desktop/applist.py" line="77" />
        <source>搜索：集群名称、编号、地区或规则集</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="85" />
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="86" />
        <source>打开(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="87" />
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="88" />
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="89" />
        <source>恢复(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="90" />
        <source>回收站(&amp;T)</source>
        <translation>&amp;Trash</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="91" />
        <source>显示已删除的申请，可恢复</source>
        <translation>Show deleted applications (they can be restored)</translation>
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="151" />
        <source>ID %1 · 规则集 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="153" />
        <source>已导出报送包；报送记录中有每次导出的 SHA-256</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="244" />
        <source>打开</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="245" />
        <source>复制</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="246" />
        <source>复制为下一年度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="248" />
        <source>恢复</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/applist.py" line="249" />
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
        <location filename="../../desktop/applist.py" line="157" />
        <source>回收站中共 %n 份申请；选中后按“恢复”放回列表。</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/applist.py" line="158" />
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
        <location filename="../../desktop/assessment.py" line="113" />
        <source>基本条件与八项指标</source>
        <translation>Basic conditions and the eight indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="114" />
        <location filename="../../desktop/assessment.py" line="122" />
        <location filename="../../desktop/assessment.py" line="138" />
        <location filename="../../desktop/assessment.py" line="248" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="114" />
        <source>结论</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="114" />
        <source>问题数</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="118" />
        <source>各项标准：实测值与门槛</source>
        <translation>Criteria: measured value against threshold</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="122" />
        <source>标准</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="122" />
        <source>实测值</source>
        <translation>Measured</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="122" />
        <source>门槛</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="123" />
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="123" />
        <source>依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="123" />
        <source>还差 / 余量</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="137" />
        <source>不同规则集下的结论对比</source>
        <translation>Verdicts under every rule set</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="140" />
        <source>各规则集下未达到的标准与最小改动</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="141" />
        <source>规则集</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="141" />
        <source>未达到的标准</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="141" />
        <source>最小改动</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="150" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="185" />
        <source>&lt;span style="font-size:15pt"&gt;总体结论：&lt;b style="color:%1"&gt;%2&lt;/b&gt;&lt;/span&gt;&lt;br&gt;规则集：%3（%4）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="210" />
        <source>未填写</source>
        <translation>not filled in</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="212" />
        <source>（一般性要求）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="252" />
        <source>（当前）</source>
        <translation> (current)</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="261" />
        <source>总体结论</source>
        <translation>Overall verdict</translation>
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="288" />
        <source>—</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="296" />
        <source>无未达到的标准（尚有待补充的数据）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/assessment.py" line="296" />
        <source>无未达到的标准</source>
        <translation type="unfinished" />
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
        <location filename="../../desktop/package_certificate.py" line="48" />
        <source>导入国密 SM2 证书…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="65" />
        <source>还没有本单位证书。首次导出报送包时会创建，也可以导入已有的 .p12/.pfx 证书。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="70" />
        <source>单位：%1
有效期：%2 至 %3
接收方可电话核对下面的 SHA-256 指纹，或导入导出的公钥证书。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="71" />
        <source>
签发者：%1（CA 签发的证书）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="75" />
        <source>
国密 SM2 证书：%1（签发者：%2），清单另加 SM2/SM3 签名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="87" />
        <source>导出公钥证书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="93" />
        <location filename="../../desktop/package_certificate.py" line="95" />
        <source>导出证书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="95" />
        <source>已导出本单位公钥证书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="100" />
        <location filename="../../desktop/package_certificate.py" line="103" />
        <location filename="../../desktop/package_certificate.py" line="107" />
        <location filename="../../desktop/package_certificate.py" line="145" />
        <source>导入证书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="103" />
        <location filename="../../desktop/package_certificate.py" line="119" />
        <source>证书文件的密码：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="107" />
        <source>本程序保存证书用的密码（至少 8 个字符）：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="116" />
        <location filename="../../desktop/package_certificate.py" line="119" />
        <location filename="../../desktop/package_certificate.py" line="123" />
        <location filename="../../desktop/package_certificate.py" line="134" />
        <source>导入国密 SM2 证书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_certificate.py" line="123" />
        <source>本单位证书的密码：</source>
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
    <name>ClusterPage</name>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="81" />
        <source>期限</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="82" />
        <source>事项</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="82" />
        <source>截止日期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="82" />
        <location filename="../../desktop/follow/cluster_page.py" line="93" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="82" />
        <source>依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="85" />
        <source>认定时的数据（申报表最近一年）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="86" />
        <source>项目</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="86" />
        <source>数值</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="86" />
        <source>用于</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="88" />
        <source>概况与期限</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="92" />
        <source>编号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="92" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="92" />
        <source>基数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="92" />
        <source>目标</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="92" />
        <source>年份</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="93" />
        <source>提示</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="96" />
        <source>从发展目标文字识别(&amp;P)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="97" />
        <source>确认所选目标(&amp;C)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="104" />
        <location filename="../../desktop/follow/cluster_page.py" line="225" />
        <location filename="../../desktop/follow/cluster_page.py" line="241" />
        <source>发展目标</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="108" />
        <source>年度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="108" />
        <source>报送期限</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="108" />
        <source>报送日期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="108" />
        <source>检查结论</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="109" />
        <source>发展目标进度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="113" />
        <source>新建下一年度(&amp;N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="116" />
        <source>记为已报送(&amp;S)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="117" />
        <source>所选年度今天已报送（报送后不能再修改）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="120" />
        <source>导出报送包(&amp;K)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="121" />
        <source>所选年度的年度培育情况：签名的 PDF、Excel 和检查结果，用本单位证书签名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="124" />
        <source>双击一行填写该年度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="127" />
        <location filename="../../desktop/follow/cluster_page.py" line="259" />
        <location filename="../../desktop/follow/cluster_page.py" line="264" />
        <location filename="../../desktop/follow/cluster_page.py" line="274" />
        <source>年度培育情况</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="130" />
        <source>类型</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="130" />
        <source>日期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="130" />
        <source>报备</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="130" />
        <source>撤销情形</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="131" />
        <source>内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="133" />
        <source>记录事件(&amp;E)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="136" />
        <source>重大变动及事件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="144" />
        <source>导出复核报告 PDF(&amp;R)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="147" />
        <location filename="../../desktop/follow/cluster_page.py" line="302" />
        <source>复核</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="171" />
        <source>已认定集群 — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="181" />
        <source>复核（有效期届满）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="194" />
        <source>已确认</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="194" />
        <source>待确认</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="206" />
        <source>未报送</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="210" />
        <source>未报备</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="211" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="211" />
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="242" />
        <source>从发展目标文字中识别出 %1 个新目标，请逐项核对后确认。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="259" />
        <source>有效期内各年度的年度培育情况都已建立。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="294" />
        <source>导出复核报告</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="310" />
        <location filename="../../desktop/follow/cluster_page.py" line="329" />
        <location filename="../../desktop/follow/cluster_page.py" line="331" />
        <source>导出报送包</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="310" />
        <source>请先选择要导出的年度。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="315" />
        <source>导出年度培育情况报送包</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="316" />
        <source>报送包 (*.zip)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/cluster_page.py" line="332" />
        <source>已导出 %1 年度培育情况报送包：%2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../desktop/desk/compare_view.py" line="168" />
        <source>筛选：集群名称或受理编号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/compare_view.py" line="169" />
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../desktop/desk/compare_view.py" line="200" />
        <source>推荐顺序（每个名次写明理由）：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/compare_view.py" line="201" />
        <source>加入推荐</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/compare_view.py" line="204" />
        <source>上移</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/compare_view.py" line="204" />
        <source>下移</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/compare_view.py" line="204" />
        <source>移出</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/compare_view.py" line="210" />
        <source>不限</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/compare_view.py" line="211" />
        <source>保存推荐顺序</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/compare_view.py" line="217" />
        <source>名额：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/compare_view.py" line="223" />
        <source>受理编号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/compare_view.py" line="223" />
        <source>集群名称</source>
        <translation>Cluster name</translation>
    </message>
    <message>
        <location filename="../../desktop/desk/compare_view.py" line="223" />
        <source>推荐理由</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/compare_view.py" line="279" />
        <source>%1：相对余量（超出门槛的比例）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/compare_view.py" line="328" />
        <source>推荐顺序</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../desktop/settings_db.py" line="63" />
        <location filename="../../desktop/settings_db.py" line="140" />
        <location filename="../../desktop/settings_db.py" line="142" />
        <location filename="../../desktop/settings_db.py" line="148" />
        <location filename="../../desktop/settings_db.py" line="153" />
        <source>数据库连接</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="68" />
        <source>本机数据库文件（一台电脑使用）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="69" />
        <source>单位的数据库服务器 PostgreSQL（多位同事同时使用）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="78" />
        <source>留空则使用默认位置</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="79" />
        <source>数据库文件：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="82" />
        <source>例如 192.168.1.20 或 db.office.local</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="83" />
        <source>服务器地址：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="88" />
        <source>端口：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="91" />
        <source>数据库名：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="94" />
        <source>数据库用户：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="98" />
        <source>保存在本机系统密码库中；留空则不改</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="99" />
        <source>密码：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="103" />
        <source>我的姓名（记入修改记录）：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="105" />
        <source>新的连接在下次启动程序时生效。密码不会写入数据库、设置文件或日志。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="109" />
        <source>测试连接</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="142" />
        <source>连接成功。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="148" />
        <source>请填写服务器地址、数据库名和数据库用户。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/settings_db.py" line="171" />
        <source>修改数据库连接…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <location filename="../../desktop/desk/window.py" line="34" />
        <source>评审台 — 集群申报助手</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="44" />
        <source>批次（规则集）：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="46" />
        <source>受理文件夹…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="48" />
        <source>初审…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="50" />
        <source>实地核查…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="52" />
        <location filename="../../desktop/desk/window.py" line="164" />
        <location filename="../../desktop/desk/window.py" line="166" />
        <location filename="../../desktop/desk/window.py" line="173" />
        <source>确认证书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="54" />
        <source>导出上报包…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="74" />
        <source>登记簿</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="75" />
        <source>比较与排序</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="92" />
        <source>（已有新版本）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="116" />
        <source>选择受理文件夹（U 盘、光盘）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="129" />
        <location filename="../../desktop/desk/window.py" line="133" />
        <source>初审</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="129" />
        <location filename="../../desktop/desk/window.py" line="145" />
        <source>请先在登记簿中选择一份申报。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="133" />
        <source>%1 不予受理或不是申报，不能初审。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="145" />
        <location filename="../../desktop/desk/window.py" line="148" />
        <source>实地核查</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="148" />
        <source>%1 不予受理，不能核查。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="164" />
        <source>这份申报没有数字签名。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="167" />
        <source>请电话向 %1 核对证书指纹：
%2

指纹一致，确认信任此证书？</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="181" />
        <location filename="../../desktop/desk/window.py" line="194" />
        <source>导出上报包</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="182" />
        <source>上报包 (*.zip)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/window.py" line="196" />
        <source>已导出上报包：%1（推荐 %2 个）</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../desktop/follow/dialogs.py" line="147" />
        <source>记录事件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/dialogs.py" line="156" />
        <source>已报备</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/dialogs.py" line="161" />
        <source>类型</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/dialogs.py" line="162" />
        <source>发生日期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/dialogs.py" line="163" />
        <source>内容</source>
        <translation type="unfinished" />
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
        <location filename="../../desktop/package_export.py" line="86" />
        <source>导出报送包 — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="93" />
        <source>保存报送包</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="96" />
        <source>保存为：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="111" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="124" />
        <source>1. 校验结果</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="135" />
        <source>越过错误报送的理由：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="140" />
        <source>仍要报送时，写明理由（写入清单和修改记录，接收方可见）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="145" />
        <source>✗ 还有 %1 项错误未解决</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="148" />
        <source>✓ 没有错误</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="148" />
        <source>（%1 项警告）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="153" />
        <source>2. 签字盖章的扫描件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="155" />
        <source>选择真实性声明扫描件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="156" />
        <source>选择推荐意见扫描件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="157" />
        <source>真实性声明：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="158" />
        <source>推荐意见：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="159" />
        <source>确认暂缺签章扫描件，仍然导出</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="243" />
        <source>
签名方式：%1；签发者：%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="191" />
        <source>请选择报送包的保存位置。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="236" />
        <source>完成</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="239" />
        <source>
已记录越过错误报送的理由。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="241" />
        <source>
已记入报送记录；申请已封存（已导出），修改前会询问是否重新打开。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_export.py" line="242" />
        <source>✓ 已导出：%1
报送包 SHA-256：%2
签名证书指纹：%3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message numerus="yes">
        <location filename="../../desktop/field_editor.py" line="160" />
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
        <location filename="../../desktop/findings.py" line="81" />
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="81" />
        <source>依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="135" />
        <source>本页（%1）：未发现问题</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="158" />
        <source>%1（%2 条，错误 %3）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="160" />
        <source>%1（未填写 %2 项）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="162" />
        <source>本页 · %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="180" />
        <source>○ 未填写 %1 项（离开字段或“检查本页”后逐条显示）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="204" />
        <source>还差：%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/findings.py" line="141" />
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
    <name>IdentityBox</name>
    <message>
        <location filename="../../desktop/package_identity.py" line="62" />
        <source>3. 签名证书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="66" />
        <source>本单位证书文件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="67" />
        <source>UKey（USB 证书介质）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="95" />
        <source>还没有本单位证书：导出时将创建一张自签名证书，请填写单位名称并设置密码（至少 8 个字符，务必牢记）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="97" />
        <source>单位名称：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="98" />
        <source>设置密码：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="99" />
        <source>确认密码：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="103" />
        <source>证书密码：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="113" />
        <source>选择 UKey 的 PKCS#11 驱动</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="118" />
        <source>UKey 驱动：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="122" />
        <source>读取 UKey</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="125" />
        <source>证书：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="134" />
        <source>每次签名都要输入，不会保存</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="135" />
        <source>PIN 码：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="167" />
        <source>请先选择 UKey 的 PKCS#11 驱动文件（厂商提供的 .dll 或 .so）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="190" />
        <source>UKey 中没有证书。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="214" />
        <source>请选择 UKey 驱动，点“读取 UKey”，再选择签名证书。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="218" />
        <source>请输入 UKey 的 PIN 码。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="223" />
        <source>请输入证书密码。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="225" />
        <source>两次输入的密码不一致。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="227" />
        <source>请填写单位名称（写入证书）。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InspectionEditor</name>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="31" />
        <source>实地核查：%1 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="40" />
        <source>核查人员，用逗号分隔</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="42" />
        <source>核查日期：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="43" />
        <source>核查人员：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="44" />
        <source>核查结论：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="48" />
        <source>核查内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="48" />
        <source>对照的佐证材料</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="48" />
        <source>核查结果</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="52" />
        <source>添加核查事项</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="54" />
        <source>附现场照片或扫描件…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="67" />
        <source>保存核查记录</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="70" />
        <source>打印核查记录…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="88" />
        <source>选择现场照片或扫描件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="111" />
        <location filename="../../desktop/desk/inspection_editor.py" line="130" />
        <source>实地核查</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="123" />
        <source>打印核查记录</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="124" />
        <source>PDF (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="139" />
        <source>已记录：%1　%2　%3 项，附件 %4 个</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/inspection_editor.py" line="140" />
        <source>还没有核查记录。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../desktop/desk/intake_view.py" line="47" />
        <source>受理</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/intake_view.py" line="50" />
        <source>正在受理…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/intake_view.py" line="70" />
        <source>正在受理：</source>
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
        <location filename="../../desktop/mainwindow.py" line="166" />
        <location filename="../../desktop/mainwindow.py" line="198" />
        <location filename="../../desktop/mainwindow.py" line="354" />
        <location filename="../../desktop/mainwindow.py" line="370" />
        <source>集群申报助手</source>
        <translation>Cluster Declare</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="56" />
        <location filename="../../desktop/mainwindow.py" line="167" />
        <location filename="../../desktop/mainwindow.py" line="198" />
        <location filename="../../desktop/mainwindow.py" line="354" />
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
        <location filename="../../desktop/mainwindow.py" line="103" />
        <source>数据库连接(&amp;L)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="105" />
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="107" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="108" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="110" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="115" />
        <source>检查本页(&amp;C)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="117" />
        <source>打印(&amp;P)</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="118" />
        <source>Excel(&amp;X)</source>
        <translation>E&amp;xcel</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="119" />
        <source>报送(&amp;S)</source>
        <translation>&amp;Submission</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="123" />
        <source>报送记录(&amp;J)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="124" />
        <source>评审台(&amp;D)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="126" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="127" />
        <source>填报说明(&amp;G)</source>
        <translation>Filling &amp;guide</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="128" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="295" />
        <source>已导出申报数据（佐证材料在旁边的 evidence 文件夹）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="308" />
        <source>已备份数据库</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="367" />
        <source>数据库连接</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="367" />
        <source>已保存。重新启动程序后使用新的连接。</source>
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
        <location filename="../../desktop/mainwindow.py" line="232" />
        <source>已载入示例申请</source>
        <translation>Sample application loaded</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="239" />
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="240" />
        <source>已保存（每次修改都已自动保存到数据库）</source>
        <translation>Saved (every edit is saved to the database as it is made)</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="247" />
        <location filename="../../desktop/mainwindow.py" line="268" />
        <source>导入申报数据</source>
        <translation>Import application</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="247" />
        <location filename="../../desktop/mainwindow.py" line="288" />
        <source>申报数据 (*.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="269" />
        <source>数据库中已有这份申请（“%1”）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="270" />
        <source>用文件内容覆盖</source>
        <translation>Overwrite with the file</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="271" />
        <source>另存为新申请</source>
        <translation>Save as a new application</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="255" />
        <source>已导入“%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="185" />
        <location filename="../../desktop/mainwindow.py" line="284" />
        <source>请先选择一份申请。</source>
        <translation>Please select an application first.</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="288" />
        <location filename="../../desktop/mainwindow.py" line="295" />
        <source>导出申报数据</source>
        <translation>Export application</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="300" />
        <location filename="../../desktop/mainwindow.py" line="308" />
        <source>备份数据库</source>
        <translation>Back up database</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="301" />
        <source>数据库备份 (*.sqlite)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="313" />
        <location filename="../../desktop/mainwindow.py" line="317" />
        <location filename="../../desktop/mainwindow.py" line="326" />
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="313" />
        <source>数据库备份 (*.sqlite *.db);;所有文件 (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="318" />
        <source>用备份“%1”替换整个数据库？当前数据会先另存一份副本。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="327" />
        <source>已从备份恢复。恢复前的数据已保存为：
%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>填报说明</source>
        <translation>Filling guide</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="359" />
        <source>关于集群申报助手</source>
        <translation>About Cluster Declare</translation>
    </message>
    <message>
        <location filename="../../desktop/mainwindow.py" line="360" />
        <source>集群申报助手 %1
中小企业特色产业集群申报表的填报、校验、打印与报送。
离线运行，所有数据保存在本机数据库中。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MarginChart</name>
    <message>
        <location filename="../../desktop/desk/compare_view.py" line="140" />
        <source>点击某项标准的列标题，查看各集群的余量</source>
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
    <name>RecognizeDialog</name>
    <message>
        <location filename="../../desktop/follow/dialogs.py" line="35" />
        <location filename="../../desktop/follow/dialogs.py" line="72" />
        <source>记录认定</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/dialogs.py" line="50" />
        <source>例如：上海市2023年市级中小企业特色产业集群名单</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/dialogs.py" line="51" />
        <source>申请</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/dialogs.py" line="52" />
        <source>认定日期</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/dialogs.py" line="53" />
        <source>认定名单</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/dialogs.py" line="54" />
        <source>有效期、年度报送日期和复核按该申请的规则集计算。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <location filename="../../desktop/follow/reminders_panel.py" line="50" />
        <source>已认定集群：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/reminders_panel.py" line="52" />
        <source>打开(&amp;G)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/reminders_panel.py" line="55" />
        <source>记录认定(&amp;K)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/reminders_panel.py" line="57" />
        <source>把已公布名单上的申请记为已认定，开始跟踪年度报送和复核</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/reminders_panel.py" line="98" />
        <source>已认定集群：尚无记录</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/reminders_panel.py" line="100" />
        <source>待办事项（%1）：%2 项，其中逾期 %3 项</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/reminders_panel.py" line="107" />
        <source>尽快报备</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/follow/reminders_panel.py" line="109" />
        <source>逾期 %1 天</source>
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
    <name>ReviewEditor</name>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="37" />
        <source>初审项</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="37" />
        <source>程序结论</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="37" />
        <source>初审结论</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="37" />
        <source>备注</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="42" />
        <source>未审项采纳程序结论</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="44" />
        <source>保存初审结论</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="52" />
        <source>待补正事项：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="58" />
        <source>需补正的内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="63" />
        <source>添加补正事项</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="65" />
        <source>打印补正通知…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="75" />
        <source>作出初审决定</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="78" />
        <source>初审决定：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="89" />
        <source>初审：%1 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="90" />
        <source>%1　%2　状态：%3　程序自评：%4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="97" />
        <source>由评审人判断</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="108" />
        <source>（期限 %1）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="116" />
        <source>初审</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="157" />
        <source>打印补正通知</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/desk/review_editor.py" line="157" />
        <source>PDF (*.pdf)</source>
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
    <name>SharingWatch</name>
    <message>
        <location filename="../../desktop/sharing.py" line="31" />
        <source>修改冲突</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sharing.py" line="33" />
        <source>保留我的修改</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sharing.py" line="34" />
        <source>采用对方的内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sharing.py" line="47" />
        <source>修改尚未保存</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/sharing.py" line="48" />
        <source>有 %1 项修改因为与数据库服务器的连接断开而没有保存。现在关闭，这些修改将丢失。仍要关闭吗？</source>
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
        <location filename="../../desktop/package_verify.py" line="38" />
        <source>校验报送包</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="43" />
        <source>把报送包（.zip）拖到这里，或点“选择报送包…”。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="48" />
        <source>选择信任的证书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="50" />
        <source>信任的证书（可选）：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="51" />
        <source>选择证书吊销列表</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="52" />
        <source>吊销列表 CRL（可选）：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="56" />
        <source>导入 CA 证书…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="60" />
        <source>信任列表：</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="83" />
        <source>选择报送包…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="96" />
        <source>%1 张 CA 证书（%2）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="98" />
        <source>空（导入发证机构的根证书后，CA 签发的证书可自动核对）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="106" />
        <location filename="../../desktop/package_verify.py" line="113" />
        <source>导入 CA 证书</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="135" />
        <source>上面的“信任的证书”一栏</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="138" />
        <source>证书链（从签名证书到根证书）：%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_verify.py" line="153" />
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
        <location filename="../../desktop/wizardview.py" line="172" />
        <source>← 申请列表</source>
        <translation>← Applications</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="173" />
        <source>返回申请列表（所有修改均已保存）</source>
        <translation>Back to the list (all edits are saved)</translation>
    </message>
    <message>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="184" />
        <source>规则集(&amp;R)：</source>
        <translation>&amp;Rule set:</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="212" />
        <source>上一页(&amp;P)</source>
        <translation>&amp;Previous</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="213" />
        <source>下一页(&amp;N)</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="219" />
        <source>检查本页(&amp;C)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="221" />
        <source>把本页尚未填写的栏目作为问题逐条列出</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="262" />
        <source>已自动保存</source>
        <translation>Saved automatically</translation>
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="353" />
        <source>结论：&lt;b style="color:%1"&gt;%2&lt;/b&gt;　错误 %3 条</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/wizardview.py" line="356" />
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
    <name>box</name>
    <message>
        <location filename="../../desktop/package_identity.py" line="46" />
        <source>自签名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="47" />
        <source>签名方式：%1；主体：%2
签发者：%3；有效期：%4 至 %5（%6）
SHA-256 指纹：%7</source>
        <translation type="unfinished" />
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
    <message>
        <location filename="../../desktop/package_identity.py" line="36" />
        <source>证书密码</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/package_identity.py" line="36" />
        <source>本单位证书密码：</source>
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