<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountFilterBar</name>
    <message>
        <location filename="../../desktop/ui/accounts/filters.py" line="+29"/>
        <source>All tiers</source>
        <translation>全部层级</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Any stage</source>
        <translation>任意阶段</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Filter by name…</source>
        <translation>按名称筛选…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment, e.g. E1</source>
        <translation>细分代码，如 E1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by name</source>
        <translation>按名称筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by segment code</source>
        <translation>按细分代码筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pyramid tier</source>
        <translation>客户金字塔层级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funnel stage</source>
        <translation>商机阶段</translation>
    </message>
</context>
<context>
    <name>AccountListView</name>
    <message>
        <location filename="../../desktop/ui/accounts/view.py" line="+152"/>
        <source>1 account</source>
        <translation>1 个客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} accounts</source>
        <translation>{count} 个客户</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>New account…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create an account (Ctrl+N)</source>
        <translation>新建客户 (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../desktop/ui/account/page.py" line="+189"/>
        <source>Segment code</source>
        <translation>客户细分代码</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Profile and research</source>
        <translation>客户概况与调研</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision circle</source>
        <translation>决策圈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <location filename="../../desktop/ui/accounts/model.py" line="+164"/>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment</source>
        <translation>细分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best open stage</source>
        <translation>最高在跟阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next visit</source>
        <translation>下次拜访</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../desktop/ui/application.py" line="+116"/>
        <source>The data file is being restored or encrypted. Try again when that is done.</source>
        <translation>数据文件正在恢复或加密。请在完成后再试。</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>{file} is encrypted. Enter its passphrase:</source>
        <translation>{file} 已加密。请输入密码短语：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That passphrase does not open {file}. Try again:</source>
        <translation>该密码短语无法打开 {file}，请重试：</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Upgrading your data for this version of Callbrief. This happens once and can take a minute for a large file; a copy of the old file is kept in backups.</source>
        <translation>正在为此版本的 Callbrief 升级您的数据。此操作只进行一次，数据文件较大时可能需要一分钟；旧文件的副本会保存在备份中。</translation>
    </message>
</context>
<context>
    <name>AutoBackupTimer</name>
    <message>
        <location filename="../../desktop/ui/autobackup.py" line="+93"/>
        <source>The automatic backup failed: {reason}</source>
        <translation>自动备份失败：{reason}</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../desktop/ui/backups_dialog.py" line="+46"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+16"/>
        <location line="+92"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Callbrief backs up your data file after changes (at most every 10 minutes) and when you quit, and keeps about a year of backups. Each one is checked.</source>
        <translation>数据文件有改动后（最多每 10 分钟一次）以及退出程序时，Callbrief 会自动备份，备份约保留一年，每份都会经过校验。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>校验</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Folder: %1</source>
        <translation>文件夹：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Checking…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Damaged: cannot be restored</source>
        <translation>已损坏，无法恢复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verified</source>
        <translation>校验通过</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Replace your current data with the backup made %1?

Everything changed since then is taken out of use. Your current file is not deleted: it is kept beside the data file, so nothing is lost.</source>
        <translation>要用 %1 的备份替换当前数据吗？

此后所做的更改将不再使用。当前文件不会被删除，而是保存在数据文件旁边，因此不会丢失任何内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <location line="+9"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Your previous file was kept as %1.</source>
        <translation>原文件已保留为 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The backup made %1 is now your data.</source>
        <translation>现在使用的是 %1 的备份数据。</translation>
    </message>
</context>
<context>
    <name>BriefActions</name>
    <message>
        <location filename="../../desktop/ui/visit/brief_actions.py" line="+116"/>
        <source>Export brief PDF…</source>
        <translation>导出简报 PDF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print brief…</source>
        <translation>打印简报…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export to calendar (.ics)…</source>
        <translation>导出到日历 (.ics)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open in viewer</source>
        <translation>在查看器中打开</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The brief PDF export is not available in this build: {error}</source>
        <translation>此版本无法导出简报 PDF：{error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The calendar export is not available in this build: {error}</source>
        <translation>此版本无法导出日历：{error}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Write the visit brief as a PDF (Ctrl+Shift+E)</source>
        <translation>将拜访简报导出为 PDF (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the visit brief (Ctrl+P)</source>
        <translation>打印拜访简报 (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the visit as a calendar entry</source>
        <translation>将本次拜访保存为日历日程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the last exported brief in your PDF viewer</source>
        <translation>在 PDF 查看器中打开最近导出的简报</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Visit plan</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A field is not valid; correct the marked field first.</source>
        <translation>有字段填写无效，请先更正标出的字段。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The file could not be written: {error}</source>
        <translation>无法写入文件：{error}</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+12"/>
        <location line="+8"/>
        <source>Export brief PDF</source>
        <translation>导出简报 PDF</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Brief saved to {path}.</source>
        <translation>简报已保存到 {path}。</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+20"/>
        <source>Print brief</source>
        <translation>打印简报</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>The brief opened in your PDF viewer; print it from there.</source>
        <translation>简报已在 PDF 查看器中打开，请在查看器中打印。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The brief could not be printed: {error}</source>
        <translation>简报无法打印：{error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The brief was sent to the printer.</source>
        <translation>简报已发送到打印机。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+14"/>
        <location line="+5"/>
        <source>Export to calendar</source>
        <translation>导出到日历</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Calendar (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Calendar entry saved to {path}.</source>
        <translation>日历日程已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>BundleActions</name>
    <message>
        <location filename="../../desktop/ui/bundle_actions.py" line="+46"/>
        <source>&amp;Export account…</source>
        <translation>导出客户(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the open account and everything under it as one file for a colleague</source>
        <translation>将当前客户及其全部资料保存为一个文件，以便交给同事</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import account…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add an account from a colleague&apos;s bundle file</source>
        <translation>从同事提供的客户资料包文件中添加客户</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+11"/>
        <source>Export account</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Exporting {name}…</source>
        <translation>正在导出{name}…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import account</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking and importing {file}…</source>
        <translation>正在检查并导入 {file}…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} was replaced by the copy in the bundle.</source>
        <translation>{name}已替换为资料包中的版本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} was added.</source>
        <translation>已添加{name}。</translation>
    </message>
</context>
<context>
    <name>ChangedAction</name>
    <message>
        <location filename="../../desktop/ui/changed_dialog.py" line="+172"/>
        <source>C&amp;hanged by someone else…</source>
        <translation>被他人修改的值(&amp;H)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your values that a teammate&apos;s edit replaced: review and restore them</source>
        <translation>被同事的修改替换掉的您的值：查看并恢复</translation>
    </message>
</context>
<context>
    <name>ChangedDialog</name>
    <message>
        <location line="-136"/>
        <location line="+1"/>
        <source>Changed by someone else</source>
        <translation>被他人修改</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Values you wrote that a teammate&apos;s edit of the same field replaced before either of you had seen the other&apos;s, and values a merge had to set aside. Restore one to make it yours again.</source>
        <translation>您填写的值在双方都还没看到对方修改时被同事对同一字段的修改替换了，以及合并时不得不搁置的值。恢复某一项即可重新采用您的值。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Values changed by someone else</source>
        <translation>被他人修改的值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your value</source>
        <translation>您的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaced by</source>
        <translation>替换者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing you wrote was replaced by someone else.</source>
        <translation>您填写的内容没有被他人替换。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Restore my value</source>
        <translation>恢复我的值(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+66"/>
        <source>Restore my value</source>
        <translation>恢复我的值</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>&amp;Keep theirs</source>
        <translation>保留对方的值(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep theirs</source>
        <translation>保留对方的值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A teammate</source>
        <translation>一位同事</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The merge (to keep the data consistent)</source>
        <translation>合并（为保持数据一致）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>What it belonged to has been deleted since.</source>
        <translation>它所属的记录已被删除。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The person it named has been deleted since.</source>
        <translation>它指向的人员已被删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Putting it back would make the reporting lines loop. Change the other person&apos;s manager first.</source>
        <translation>恢复后汇报关系会形成循环。请先修改另一人的直属上级。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It no longer fits this field.</source>
        <translation>它已不再适合此字段。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is no longer in the list.</source>
        <translation>它已不在列表中。</translation>
    </message>
</context>
<context>
    <name>CircleTab</name>
    <message>
        <location filename="../../desktop/ui/account/circle.py" line="+132"/>
        <source>Decision circle</source>
        <translation>决策圈</translation>
    </message>
    <message>
        <location line="+234"/>
        <source>Move contact</source>
        <translation>调整汇报关系</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+19"/>
        <location line="+64"/>
        <source>Delete contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Delete {name}? The people who report to them will report to their manager. You can undo this with Ctrl+Z.</source>
        <translation>删除{name}？其下属将改为向其上级汇报。可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Import contacts</source>
        <translation>导入联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts (*.csv *.vcf *.vcard);;All files (*)</source>
        <translation>联系人文件 (*.csv *.vcf *.vcard);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <location line="+4"/>
        <source>Export contacts</source>
        <translation>导出联系人</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Excel (*.xlsx);;CSV (*.csv);;vCard (*.vcf)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv);;vCard 名片 (*.vcf)</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Saved %n contact(s).</source>
        <translation>
            <numerusform>已保存 %n 位联系人。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Opportunity:</source>
        <translation>商机(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map</source>
        <translation>决策图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People at this account</source>
        <translation>该客户的人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The decision circle as an org-chart list</source>
        <translation>以组织架构列表查看决策圈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The decision circle as a map</source>
        <translation>以图形方式查看决策圈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add contact…</source>
        <translation>添加联系人…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a person at this account ({key})</source>
        <translation>为该客户添加联系人 ({key})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import contacts…</source>
        <translation>导入联系人…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add people from a CSV (Outlook, Google, Salesforce…) or vCard file</source>
        <translation>从 CSV 文件（Outlook、Google、Salesforce 等）或 vCard 文件添加联系人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export contacts…</source>
        <translation>导出联系人…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save this account&apos;s people as CSV, Excel or vCard, with their roles</source>
        <translation>将该客户的联系人及其角色保存为 CSV、Excel 或 vCard 文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role(s) in this deal</source>
        <translation>在本商机中的角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attitude</source>
        <translation>态度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Influence</source>
        <translation>影响力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coverage of the decision circle</source>
        <translation>决策圈覆盖情况</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No people yet. Add the decision maker, the users, the technical experts, the influencers and your coach, with whom each reports to.</source>
        <translation>尚无联系人。请添加决策者、使用者、技术专家、影响者和线人，并注明各自的汇报对象。</translation>
    </message>
    <message>
        <location line="-293"/>
        <location line="+299"/>
        <source>The map view is not available in this build.</source>
        <translation>当前版本不提供决策图视图。</translation>
    </message>
</context>
<context>
    <name>ClosePage</name>
    <message>
        <location filename="../../desktop/ui/visit/close_page.py" line="+40"/>
        <source>What you will ask for</source>
        <translation>要争取的承诺</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How you will close</source>
        <translation>如何促成承诺</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close technique</source>
        <translation>促成技巧</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The words of the ask, then silence; the next step to agree (who, what, when)</source>
        <translation>提出要求的原话，说完保持沉默；要约定的下一步行动（谁、做什么、何时）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close plan</source>
        <translation>促成计划</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Buying signals and the ask</source>
        <translation>购买信号与提出要求</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not set yet (see Prepare)</source>
        <translation>尚未填写（见“准备”）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Best commitment</source>
        <translation>最佳承诺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum acceptable commitment</source>
        <translation>最低可接受承诺</translation>
    </message>
</context>
<context>
    <name>CoachPanel</name>
    <message>
        <location filename="../../desktop/ui/account/coach_panel.py" line="+230"/>
        <source>Coaches and how far each has come</source>
        <translation>线人及其培养进度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No coach yet. Cannot reach the decision maker? Develop a user or an expert into a coach: pick them below.</source>
        <translation>还没有线人。见不到决策者？把使用者或技术专家培养成线人：在下方选择。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Person to develop as coach</source>
        <translation>要培养为线人的人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Develop as coach</source>
        <translation>培养为线人</translation>
    </message>
</context>
<context>
    <name>CoachRow</name>
    <message>
        <location line="-139"/>
        <source>The decks suggest at this rung:</source>
        <translation>此阶段的建议：</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Coach ladder</source>
        <translation>线人培养阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How senior</source>
        <translation>内线的资历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring or ask next time</source>
        <translation>下次带什么、问什么</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not yet identified</source>
        <translation>尚未识别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Trust built by (the deck&apos;s seven ways):</source>
        <translation>建立信赖感的方法（七种）：</translation>
    </message>
</context>
<context>
    <name>CompetitorDialog</name>
    <message>
        <location filename="../../desktop/ui/account/dialogs.py" line="+312"/>
        <source>Enter the competitor&apos;s name.</source>
        <translation>请填写竞争对手名称。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Competitor:</source>
        <translation>竞争对手(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their &amp;strengths:</source>
        <translation>对手优势(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their &amp;weaknesses:</source>
        <translation>对手劣势(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has an &amp;insider:</source>
        <translation>是否有内线(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insider&apos;s &amp;level:</source>
        <translation>内线级别(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our strengths against them:</source>
        <translation>我方相对优势：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our weaknesses against them:</source>
        <translation>我方相对劣势：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our s&amp;trategy:</source>
        <translation>我方策略(&amp;T)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. deputy GM, IT manager</source>
        <translation>如：副总经理、IT 经理</translation>
    </message>
</context>
<context>
    <name>CompetitorTable</name>
    <message>
        <location filename="../../desktop/ui/account/competitors.py" line="+98"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Add competitor</source>
        <translation>添加竞争对手</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Edit competitor</source>
        <translation>编辑竞争对手</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+15"/>
        <source>Delete competitor</source>
        <translation>删除竞争对手</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Delete the competitor {name}? You can undo this with Ctrl+Z.</source>
        <translation>删除竞争对手{name}？可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their strengths</source>
        <translation>对手优势</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their weaknesses</source>
        <translation>对手劣势</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insider</source>
        <translation>内线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our strategy</source>
        <translation>我方策略</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add competitor…</source>
        <translation>添加竞争对手…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ConsultPage</name>
    <message>
        <location filename="../../desktop/ui/visit/consult_page.py" line="+43"/>
        <location line="+46"/>
        <source>Planned questions</source>
        <translation>计划提问</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Add from the bank…</source>
        <translation>从问题库添加…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick questions from the ERIC and SPIN banks and the question types.</source>
        <translation>从 ERIC、SPIN 问题库和各种问题类型中挑选问题。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Framework and step</source>
        <translation>方法与步骤</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask whom</source>
        <translation>提问对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anyone</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a question</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit a question</source>
        <translation>编辑问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete a question</source>
        <translation>删除问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move a question</source>
        <translation>移动问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the question to add it to the plan.</source>
        <translation>输入问题即可加入计划。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+42"/>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Business or personal</source>
        <translation>企业/个人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Implicit or explicit</source>
        <translation>隐含/明确</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kind of need</source>
        <translation>需求类别</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Whose need</source>
        <translation>需求人</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add a need</source>
        <translation>添加需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit a need</source>
        <translation>编辑需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete a need</source>
        <translation>删除需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move a need</source>
        <translation>移动需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Describe the need in the customer&apos;s words to add it.</source>
        <translation>用客户的原话描述需求即可添加。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>How you will run the conversation</source>
        <translation>你打算如何引导这次交谈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consulting notes</source>
        <translation>协商备注</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Avoid:</source>
        <translation>避免：</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../desktop/ui/account/contact_form.py" line="+47"/>
        <source>Contact “{name}”</source>
        <translation>联系人“{name}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+70"/>
        <source>— nobody (top of the chart)</source>
        <translation>— 无（组织架构最上层）</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact details</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How they decide</source>
        <translation>决策特点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name in the other language</source>
        <translation>另一语言名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports to</source>
        <translation>汇报对象</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Phones, e-mails, addresses</source>
        <translation>电话、邮件、地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Communication style</source>
        <translation>行为风格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decides</source>
        <translation>决策方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cares most about</source>
        <translation>最关心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education and background</source>
        <translation>教育和背景</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Business needs</source>
        <translation>企业需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal needs</source>
        <translation>个人需求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs in their words</source>
        <translation>需求描述（客户原话）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relationship notes</source>
        <translation>关系备注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tick what they care about; drag to rank, most important first.</source>
        <translation>勾选对方关心的事项；拖动排序，最重要的放在最前。</translation>
    </message>
</context>
<context>
    <name>ContactImportDialog</name>
    <message>
        <location filename="../../desktop/ui/contact_import_dialog.py" line="+60"/>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Import contacts</source>
        <translation>导入联系人</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(do not import roles)</source>
        <translation>（不导入角色）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognised as</source>
        <translation>识别为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles apply to</source>
        <translation>角色所属商机</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose what each column holds; at least the name is needed.</source>
        <translation>请选择每一列对应的内容；至少需要姓名。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First value</source>
        <translation>首个值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imports as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What each column holds</source>
        <translation>每列的内容</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports to</source>
        <translation>汇报对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>People to import</source>
        <translation>要导入的人员</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Likely duplicates: skip them</source>
        <translation>疑似重复:跳过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Likely duplicates: fill in the empty fields of the person already here</source>
        <translation>疑似重复:补全已有联系人的空白字段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Likely duplicates: keep both</source>
        <translation>疑似重复:两者都保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What likely duplicates do</source>
        <translation>疑似重复的处理方式</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>This file names %1, not this account (%2).</source>
        <translation>此文件中的公司是 %1,不是本客户(%2)。</translation>
    </message>
    <message numerus="yes">
        <location line="+72"/>
        <source>Import %n contact(s)</source>
        <translation>
            <numerusform>导入 %n 位联系人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Importing %n contact(s)…</source>
        <translation>
            <numerusform>正在导入 %n 位联系人…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrmColumnMap</name>
    <message>
        <location filename="../../desktop/ui/crm_column_map.py" line="+19"/>
        <source>Account name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opportunity name</source>
        <translation>商机名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact&apos;s full name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact&apos;s first name</source>
        <translation>联系人名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact&apos;s last name</source>
        <translation>联系人姓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office phone</source>
        <translation>办公电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact role</source>
        <translation>联系人角色</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Which column holds what</source>
        <translation>各列的内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This file is not a Salesforce or Dynamics 365 export I know. Choose the column that holds each field; the choice is remembered for files with the same columns.</source>
        <translation>这个文件不是可识别的 Salesforce 或 Dynamics 365 导出文件。请为每个字段选择对应的列；列相同的文件会记住这次的选择。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Problem with the account column</source>
        <translation>客户名称列的问题</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Problem with the column map</source>
        <translation>列对应的问题</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose the column that holds the account name.</source>
        <translation>请选择包含客户名称的列。</translation>
    </message>
</context>
<context>
    <name>CrmImportAction</name>
    <message>
        <location filename="../../desktop/ui/crm_import_dialog.py" line="+188"/>
        <source>Import from &amp;CRM…</source>
        <translation>从 CRM 导入(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accounts, deals and contacts from a Salesforce, Dynamics 365 or other export</source>
        <translation>从 Salesforce、Dynamics 365 或其他导出文件导入客户、商机和联系人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import from CRM</source>
        <translation>从 CRM 导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRM exports (*.csv *.xlsx)</source>
        <translation>CRM 导出文件 (*.csv *.xlsx)</translation>
    </message>
</context>
<context>
    <name>CrmImportDialog</name>
    <message>
        <location line="-146"/>
        <location line="+1"/>
        <source>Import from CRM</source>
        <translation>从 CRM 导入</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Accounts to import</source>
        <translation>要导入的客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New or existing</source>
        <translation>新建或已有</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>People</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back to the column map</source>
        <translation>返回列对应</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next: preview</source>
        <translation>下一步：预览</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Funnel stage for %1</source>
        <translation>%1 对应的商机阶段</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>existing</source>
        <translation>已有</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 accounts. Nothing is written until you press Import.</source>
        <translation>%1：%2 个客户。按“导入”之前不会写入任何内容。</translation>
    </message>
</context>
<context>
    <name>DealCockpit</name>
    <message>
        <location filename="../../desktop/ui/account/cockpit.py" line="+195"/>
        <source>Value {amount} · win probability {percent}% · weighted value {weighted} · expected close {close}</source>
        <translation>商机金额 {amount} · 赢单概率 {percent}% · 加权金额 {weighted} · 预计成交 {close}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stalled: the customer answered “maybe”.</source>
        <translation>停滞：客户的回答是“也许”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next logical action: {action}</source>
        <translation>下一步合理行动：{action}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stage {stage} {name}: {done} of {total} tasks done</source>
        <translation>{stage} {name}阶段：已完成 {done}/{total} 项任务</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count} exit criteria open</source>
        <translation>{count} 项出口标准未达成</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exit criteria met: the deal is ready for stage {stage} {name}.</source>
        <translation>出口标准已达成：商机可以进入 {stage} {name}阶段。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move to stage {stage}</source>
        <translation>进入 {stage} 阶段</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(exit criterion)</source>
        <translation>（出口标准）</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+14"/>
        <location line="+10"/>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Deal cockpit</source>
        <translation>商机驾驶舱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move to the next stage</source>
        <translation>进入下一阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer&apos;s decision points</source>
        <translation>客户的决策点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not asked yet</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maybe</source>
        <translation>也许</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Answer: {question}</source>
        <translation>回答：{question}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: {question}</source>
        <translation>备注：{question}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DebriefDialog</name>
    <message>
        <location filename="../../desktop/ui/visit/debrief.py" line="+88"/>
        <source>Debrief: call report</source>
        <translation>拜访总结：拜访报告</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This visit is planned for {when}: it has not happened yet. Saving the call report marks it as done.</source>
        <translation>此次拜访安排在 {when}，尚未进行。保存拜访报告会将其标记为已完成。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Call report</source>
        <translation>拜访报告</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the call report</source>
        <translation>保存拜访报告</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+3"/>
        <source>What happened</source>
        <translation>拜访经过</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The outcome of the meeting, in a few sentences</source>
        <translation>用几句话概括会谈结果</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Commitment</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Best commitment planned</source>
        <translation>计划的最佳承诺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum acceptable planned</source>
        <translation>计划的最低可接受承诺</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commitment achieved</source>
        <translation>达成的承诺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What exactly they agreed to</source>
        <translation>客户具体同意了什么</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commitment notes</source>
        <translation>承诺备注</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answers to the planned questions</source>
        <translation>计划问题的回答</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No questions were planned.</source>
        <translation>本次拜访未计划提问。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>Their answer</source>
        <translation>对方的回答</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Needs found</source>
        <translation>发现的需求</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add a need</source>
        <translation>添加需求</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next steps</source>
        <translation>下一步行动</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+25"/>
        <source>Next step</source>
        <translation>下一步行动</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+26"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+27"/>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Add a next step</source>
        <translation>添加下一步行动</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Funnel stage</source>
        <translation>商机阶段</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Yes, move the opportunity to this stage</source>
        <translation>是，将商机推进到此阶段</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+1"/>
        <source>The need, in the customer&apos;s words</source>
        <translation>需求（客户原话）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clarity</source>
        <translation>清晰度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whose need</source>
        <translation>谁的需求</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Move from {old} to {new}?</source>
        <translation>将商机从“{old}”推进到“{new}”？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The opportunity stays at {stage}.</source>
        <translation>商机仍处于“{stage}”。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Visit not yet held</source>
        <translation>拜访尚未进行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This visit is planned for {when}, in the future. Save the call report anyway and mark the visit as done?</source>
        <translation>此次拜访安排在将来的 {when}。仍要保存拜访报告并将拜访标记为已完成吗？</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Next step {n}: {problem}</source>
        <translation>第 {n} 项下一步行动：{problem}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New need {n}: {problem}</source>
        <translation>第 {n} 项新需求：{problem}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Describe what happened in the meeting.</source>
        <translation>请描述会谈经过。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Nothing was saved. Please correct:</source>
        <translation>未保存任何内容。请更正：</translation>
    </message>
</context>
<context>
    <name>DecisionMapWidget</name>
    <message>
        <location filename="../../desktop/ui/map/widget.py" line="+203"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom in (Ctrl+=)</source>
        <translation>放大 (Ctrl+=)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小 (Ctrl+-)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the whole map (Ctrl+0)</source>
        <translation>显示整张决策图 (Ctrl+0)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+53"/>
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Forget where boxes were dragged and lay the chart out again</source>
        <translation>放弃手动拖放的位置，重新排列组织架构图</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add person…</source>
        <translation>添加人员…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add someone at this account to the chart (Ctrl+N)</source>
        <translation>将该客户的人员添加到图中 (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+236"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="-236"/>
        <source>Edit the selected person (F2)</source>
        <translation>编辑选中的人员 (F2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected person from the account (asks first)</source>
        <translation>从该客户中删除选中的人员（会先确认）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Image (PNG, print resolution)…</source>
        <translation>图片（PNG，打印分辨率）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drawing (SVG)…</source>
        <translation>矢量图（SVG）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF…</source>
        <translation>PDF 文档…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision map</source>
        <translation>决策地图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More tools</source>
        <translation>更多工具</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings about the decision circle</source>
        <translation>决策圈提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the map as an image or PDF to print or send</source>
        <translation>将决策图保存为图片或 PDF，以便打印或发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an opportunity to see its decision circle.</source>
        <translation>请选择一个商机以查看其决策圈。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coverage of the decision circle</source>
        <translation>决策圈覆盖情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Influencers outside the account</source>
        <translation>客户外部的影响者</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Forget where you dragged the boxes and lay the chart out again?</source>
        <translation>要放弃手动拖放的位置，重新排列组织架构图吗？</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Delete {names} from this account? Their reports will move up to their manager. This cannot be undone.</source>
        <translation>从该客户中删除{names}？其下属将改为向其上级汇报。此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete person</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>decision map</source>
        <translation>决策图</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Export the map</source>
        <translation>导出决策图</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not export the map: {error}</source>
        <translation>无法导出决策图：{error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Every role in the decision circle is covered.</source>
        <translation>决策圈中的每个角色都已覆盖。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>our side</source>
        <translation>我方</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Add a report…</source>
        <translation>添加下属…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move to the top of the chart</source>
        <translation>移到组织架构最上层</translation>
    </message>
</context>
<context>
    <name>DetailsEditor</name>
    <message>
        <location filename="../../desktop/ui/account/details_editor.py" line="+224"/>
        <source>Not a number the phone library knows; kept as typed.</source>
        <translation>电话号码库不认识这个号码;按输入原样保存。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add phone</source>
        <translation>添加电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone %1</source>
        <translation>电话 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mails</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add e-mail</source>
        <translation>添加电子邮件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail %1</source>
        <translation>电子邮件 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add address</source>
        <translation>添加地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address %1</source>
        <translation>地址 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home</source>
        <translation>住宅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type of %1</source>
        <translation>%1 的类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preferred</source>
        <translation>首选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is preferred</source>
        <translation>%1 为首选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
</context>
<context>
    <name>EarlierSteps</name>
    <message>
        <location filename="../../desktop/ui/visit/earlier_steps.py" line="+54"/>
        <source>Open next steps from earlier visits of this deal: tick off or carry on.</source>
        <translation>该商机以往拜访中未完成的下一步：标记完成或转到本次拜访。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep open</source>
        <translation>保持未完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carry to this visit</source>
        <translation>转到本次拜访</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Earlier step: {step}</source>
        <translation>以往的下一步：{step}</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../../desktop/ui/exports.py" line="+59"/>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="+44"/>
        <location line="+1"/>
        <source>Welcome to Callbrief</source>
        <translation>欢迎使用 Callbrief</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your data file is empty. Would you like to load a demo account? It shows a complete example: a decision circle with all five roles, an opportunity with its budget and competitors, and a fully planned visit. You can delete it later.</source>
        <translation>您的数据文件是空的。要加载一个演示客户吗？它提供一个完整的示例：包含五种角色的决策圈、带预算和竞争对手的商机，以及一份完整的拜访计划。以后可以随时删除。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load the demo account</source>
        <translation>加载演示客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
</context>
<context>
    <name>FirstStepsBanner</name>
    <message>
        <location filename="../../desktop/ui/account/first_steps.py" line="+54"/>
        <source>A new account. Start with what you know about the company below, then add the people you know and create the first deal: buying roles, visits and briefs belong to a deal.</source>
        <translation>这是一个新客户。先在下方填写您对这家公司已有的了解，再添加认识的人并创建第一个商机：购买角色、拜访和简报都属于某个商机。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No deal yet. Create the first one to record each person&apos;s buying role and to plan visits.</source>
        <translation>还没有商机。创建第一个商机，才能记录每个人的购买角色并安排拜访。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No people yet. Add the decision maker, the users, the technical experts, the influencers and your coach.</source>
        <translation>还没有联系人。请添加决策者、使用者、技术专家、影响者和线人。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add the first person…</source>
        <translation>添加第一位联系人…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the first person</source>
        <translation>添加第一位联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the first deal…</source>
        <translation>创建第一个商机…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the first deal</source>
        <translation>创建第一个商机</translation>
    </message>
</context>
<context>
    <name>ItemTable</name>
    <message>
        <location filename="../../desktop/ui/visit/item_table.py" line="+129"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected row up (Alt+Up)</source>
        <translation>将选中行上移 (Alt+Up)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected row down (Alt+Down)</source>
        <translation>将选中行下移 (Alt+Down)</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../desktop/ui/team_dialogs.py" line="+217"/>
        <location line="+1"/>
        <source>Join a team</source>
        <translation>加入团队</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log in to your team&apos;s server to share accounts with teammates. Your password is not kept on this laptop.</source>
        <translation>登录团队服务器，与同事共享客户。您的密码不会保存在本机。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Server address:</source>
        <translation>服务器地址(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Certificate file (optional):</source>
        <translation>证书文件（可选）(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only if your company gave you one</source>
        <translation>仅当公司提供了证书时填写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a certificate file</source>
        <translation>选择证书文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Join</source>
        <translation>加入(&amp;J)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate file</source>
        <translation>证书文件</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Enter the team server&apos;s address.</source>
        <translation>请输入团队服务器的地址。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not a team server&apos;s address.</source>
        <translation>这不是有效的团队服务器地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The team server cannot be reached. Check the address and your network.</source>
        <translation>无法连接团队服务器。请检查地址和网络。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server&apos;s certificate was refused: this laptop does not trust it. Choose the certificate file your company gave you.</source>
        <translation>服务器证书被拒绝：本机不信任该证书。请选择公司提供的证书文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This certificate file cannot be read.</source>
        <translation>无法读取该证书文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码不正确。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many failed logins. Wait a few minutes and try again.</source>
        <translation>登录失败次数过多。请等几分钟后再试。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="+160"/>
        <source>Opening your data…</source>
        <translation>正在打开您的数据…</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>a field holds a value that cannot be saved</source>
        <translation>有字段的值无法保存</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Next / previous tab</source>
        <translation>下一个/上一个标签页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected account, visit or search result</source>
        <translation>打开选中的客户、拜访或搜索结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move through search results</source>
        <translation>在搜索结果中移动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the search results</source>
        <translation>关闭搜索结果</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>About Callbrief</source>
        <translation>关于 Callbrief</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callbrief {version}
Call planning for B2B field sales.</source>
        <translation>Callbrief {version}
面向 B2B 外勤销售的拜访规划工具。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>All changes saved</source>
        <translation>所有更改已保存</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{first} (and {more} more)</source>
        <translation>{first}（另有 {more} 项）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undo {what} (Ctrl+Z)</source>
        <translation>撤销{what} (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+54"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销 (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Redo {what} (Ctrl+Shift+Z)</source>
        <translation>重做{what} (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+50"/>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Some changes are not saved</source>
        <translation>部分更改未保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A field holds a value that cannot be saved; it is marked in red. Close anyway and discard that change?</source>
        <translation>有字段的值无法保存，已用红色标出。仍要关闭并放弃该更改吗？</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upcoming visits</source>
        <translation>近期拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pipeline</source>
        <translation>商机管道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sections</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New account…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create an account (Ctrl+N)</source>
        <translation>新建客户 (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New &amp;contact…</source>
        <translation>新建联系人(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a person to the open account (Ctrl+Shift+N)</source>
        <translation>为当前客户添加联系人 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Preferences (Ctrl+,)</source>
        <translation>偏好设置 (Ctrl+,)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back (Alt+Left)</source>
        <translation>返回 (Alt+Left)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search (Ctrl+F)</source>
        <translation>搜索 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accounts</source>
        <translation>客户(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accounts (Ctrl+1)</source>
        <translation>客户 (Ctrl+1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upcoming &amp;visits</source>
        <translation>近期拜访(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upcoming visits (Ctrl+2)</source>
        <translation>近期拜访 (Ctrl+2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pipeline</source>
        <translation>商机管道(&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pipeline (Ctrl+3)</source>
        <translation>商机管道 (Ctrl+3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print tomorrow&apos;s briefs…</source>
        <translation>打印明天的拜访简报(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print tomorrow&apos;s briefs (Ctrl+P)</source>
        <translation>打印明天的拜访简报 (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save now</source>
        <translation>立即保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save pending edits now (Ctrl+S)</source>
        <translation>立即保存未完成的编辑 (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quit (Ctrl+Q)</source>
        <translation>退出 (Ctrl+Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard shortcuts (F1)</source>
        <translation>键盘快捷键 (F1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Callbrief</source>
        <translation>关于 Callbrief(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See the backups of your data and restore one</source>
        <translation>查看数据备份并从中恢复</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Team</source>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More tools</source>
        <translation>更多工具</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More menus</source>
        <translation>更多菜单</translation>
    </message>
</context>
<context>
    <name>NegotiationCard</name>
    <message>
        <location filename="../../desktop/ui/account/negotiation_card.py" line="+158"/>
        <source>Negotiation</source>
        <translation>商务谈判</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phase</source>
        <translation>谈判阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terms</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk-away line</source>
        <translation>底线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competitor moves</source>
        <translation>竞争对手动向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our countermeasure</source>
        <translation>我方对策</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. full payment; or 20 % at signing, the rest within 3 days</source>
        <translation>如：一次性付全款；或签约首付 20%，三天内再付完全款</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not started</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Concessions we gave</source>
        <translation>我方让步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concessions we received</source>
        <translation>对方让步</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New concession: {list}</source>
        <translation>新增让步：{list}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type one and press Enter</source>
        <translation>输入后按回车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add to: {list}</source>
        <translation>添加到：{list}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected one from: {list}</source>
        <translation>从{list}中移除所选项</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../desktop/ui/account/dialogs.py" line="-206"/>
        <source>New account</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company &amp;name:</source>
        <translation>公司名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name in the &amp;other language:</source>
        <translation>另一语言名称(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Industry:</source>
        <translation>行业(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;City:</source>
        <translation>城市(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>NewContactDialog</name>
    <message>
        <location line="+56"/>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>职位(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department:</source>
        <translation>部门(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reports to:</source>
        <translation>汇报对象(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>NewOpportunityDialog</name>
    <message>
        <location line="+39"/>
        <source>New opportunity</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>商机名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funnel &amp;stage:</source>
        <translation>商机阶段(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. MES phase 1</source>
        <translation>如:MES 一期项目</translation>
    </message>
</context>
<context>
    <name>NewVisitDialog</name>
    <message>
        <location line="+148"/>
        <source>New visit</source>
        <translation>新建拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date and time:</source>
        <translation>日期和时间(&amp;D)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Place:</source>
        <translation>地点(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Proposal review with the project group</source>
        <translation>如：与项目组进行方案汇报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Customer HQ, meeting room 3</source>
        <translation>如：客户总部 3 号会议室</translation>
    </message>
</context>
<context>
    <name>NextStepsPanel</name>
    <message>
        <location filename="../../desktop/ui/upcoming/next_steps.py" line="+147"/>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done: {step}</source>
        <translation>已完成：{step}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>… and {count} more</source>
        <translation>…… 另有 {count} 项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next steps</source>
        <translation>下一步行动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next steps due this week</source>
        <translation>本周到期的下一步行动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Account · deal</source>
        <translation>客户 · 商机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No open next steps due this week.</source>
        <translation>本周没有到期的未完成下一步行动。</translation>
    </message>
</context>
<context>
    <name>NoDealPanel</name>
    <message>
        <location filename="../../desktop/ui/account/first_steps.py" line="+27"/>
        <source>Buying roles belong to a deal: the same person can decide one purchase and only use another. Create this account&apos;s first deal to record who decides, uses, checks, influences and coaches in it.</source>
        <translation>购买角色属于某个商机：同一个人可能决定这一项采购，却只是另一项的使用者。创建该客户的第一个商机，记录其中谁决策、谁使用、谁把关、谁影响、谁是线人。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create the first deal…</source>
        <translation>创建第一个商机…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the first deal</source>
        <translation>创建第一个商机</translation>
    </message>
</context>
<context>
    <name>ObjectionsPage</name>
    <message>
        <location filename="../../desktop/ui/visit/objections_page.py" line="+33"/>
        <location line="+62"/>
        <source>Objections you expect</source>
        <translation>预计的异议</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Write each objection as the customer would say it, decide when and how you will answer it, and prepare the answer.</source>
        <translation>按客户可能的说法写下每条异议，确定回应的时机和方法，并准备好回应内容。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In the customer&apos;s words</source>
        <translation>客户原话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nature</source>
        <translation>性质</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>When to answer</source>
        <translation>回应时机</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Method</source>
        <translation>处理方法</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expected at</source>
        <translation>预计出现在</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prepared response</source>
        <translation>准备的回应</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add an objection</source>
        <translation>添加异议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit an objection</source>
        <translation>编辑异议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete an objection</source>
        <translation>删除异议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move an objection</source>
        <translation>移动异议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the objection as the customer would say it to add it.</source>
        <translation>按客户可能的说法输入异议即可添加。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Handling it live: LSCPA</source>
        <translation>现场处理：LSCPA 法</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Principles</source>
        <translation>处理原则</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select an objection to see its type and method explained.</source>
        <translation>选择一条异议，即可查看其类型和处理方法的说明。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Example</source>
        <translation>示例</translation>
    </message>
</context>
<context>
    <name>OpportunitiesTab</name>
    <message>
        <location filename="../../desktop/ui/account/opportunities.py" line="+88"/>
        <source>⚑ stalled</source>
        <translation>⚑ 停滞</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>New opportunity…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No opportunities yet. Create one to track its stage, budget and competitors.</source>
        <translation>尚无商机。新建一个商机，跟踪其阶段、预算和竞争对手。</translation>
    </message>
</context>
<context>
    <name>OpportunityForm</name>
    <message>
        <location filename="../../desktop/ui/account/opportunity_form.py" line="+76"/>
        <source>Opportunity “{name}”</source>
        <translation>商机“{name}”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit opportunity</source>
        <translation>编辑商机</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit qualification</source>
        <translation>编辑商机确认</translation>
    </message>
    <message>
        <location line="+191"/>
        <source>The deal</source>
        <translation>商机概况</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Qualification</source>
        <translation>商机确认</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Pains, risks and our position</source>
        <translation>痛点、风险与我方态势</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deal currency</source>
        <translation>商机币种</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Go to:</source>
        <translation>跳转到：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Position</source>
        <translation>态势</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Negotiation</source>
        <translation>商务谈判</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coaches</source>
        <translation>线人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referrals</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to {section}</source>
        <translation>跳转到{section}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opportunity name</source>
        <translation>商机名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funnel stage</source>
        <translation>商机阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Win probability (%)</source>
        <translation>赢单概率（%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deal value</source>
        <translation>商机金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer value phase</source>
        <translation>客户价值阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buying-cycle position</source>
        <translation>购买周期阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchase timeline</source>
        <translation>采购时间表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tender</source>
        <translation>是否招标</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Budget exists</source>
        <translation>是否有预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source of funds</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed by</source>
        <translation>预算确认人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lead department</source>
        <translation>牵头部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deciding department</source>
        <translation>决策部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided by</source>
        <translation>决策机构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision steps</source>
        <translation>决策流程</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pain points</source>
        <translation>痛点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our strengths</source>
        <translation>我方优势</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our weaknesses</source>
        <translation>我方劣势</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One step per line</source>
        <translation>每行一个步骤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave empty to use the stage&apos;s probability.</source>
        <translation>留空则使用该阶段的默认概率。</translation>
    </message>
</context>
<context>
    <name>OpportunityPicker</name>
    <message>
        <location filename="../../desktop/ui/account/opportunity_picker.py" line="+54"/>
        <source>No opportunities yet</source>
        <translation>尚无商机</translation>
    </message>
</context>
<context>
    <name>OutsidePanel</name>
    <message>
        <location filename="../../desktop/ui/account/outside_panel.py" line="+95"/>
        <source>our side</source>
        <translation>我方</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Nobody of that name in another account</source>
        <translation>其他客户中没有这个名字的人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Find the person by name first, then add them.</source>
        <translation>请先按姓名找到此人，再添加。</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+1"/>
        <source>Influencers outside the account</source>
        <translation>客户外部的影响者</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another company</source>
        <translation>其他公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our side (a colleague)</source>
        <translation>我方（同事）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the influencer sits</source>
        <translation>影响者所在的一方</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Influencer&apos;s name</source>
        <translation>影响者姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name, then Enter</source>
        <translation>姓名，按回车添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Influencer&apos;s company</source>
        <translation>影响者所在公司</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Find a person in another account</source>
        <translation>在其他客户中查找此人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>People found</source>
        <translation>找到的人</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Add this influencer</source>
        <translation>添加这位影响者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the person found as influencer</source>
        <translation>把找到的人添加为影响者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the selected influencer</source>
        <translation>删除选中的影响者</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../desktop/ui/map/dialogs.py" line="+60"/>
        <source>Add a person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit person</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(nobody: top of the chart)</source>
        <translation>（无：组织架构最上层）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>(not assessed)</source>
        <translation>（未评估）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports to</source>
        <translation>汇报对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles in this decision</source>
        <translation>决策角色</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Influence</source>
        <translation>影响力</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attitude</source>
        <translation>态度</translation>
    </message>
</context>
<context>
    <name>PipelineView</name>
    <message>
        <location filename="../../desktop/ui/pipeline/view.py" line="+148"/>
        <source>Reading the pipeline…</source>
        <translation>正在读取商机管道…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The pipeline could not be read: {reason}</source>
        <translation>无法读取商机管道：{reason}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{count} open deals · weighted {weighted} · {stalled} stalled</source>
        <translation>在谈商机 {count} 个 · 加权 {weighted} · 停滞 {stalled} 个</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>referrals: {asked} asked, {received} received</source>
        <translation>转介绍：已请求 {asked} 个，已获得 {received} 个</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+23"/>
        <source>Export the pipeline review</source>
        <translation>导出商机管道回顾</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>pipeline review</source>
        <translation>商机管道回顾</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Pipeline</source>
        <translation>商机管道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export review…</source>
        <translation>导出回顾…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pipeline on one printable page (PDF)</source>
        <translation>一页可打印的商机管道（PDF）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stage:</source>
        <translation>阶段(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tier:</source>
        <translation>层级(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stalled deals only</source>
        <translation>只看停滞的商机</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Stalled deals</source>
        <translation>停滞的商机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pipeline charts and stalled deals</source>
        <translation>商机管道图表与停滞的商机</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why stalled</source>
        <translation>停滞原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggested next action</source>
        <translation>建议的下一步</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/ui/preferences.py" line="+140"/>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same as the interface</source>
        <translation>与界面语言相同</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your data</source>
        <translation>您的数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything you record is kept in this folder, with its backups.</source>
        <translation>您记录的所有内容及其备份都保存在此文件夹中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Interface language</source>
        <translation>界面语言(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Brief language</source>
        <translation>简报语言(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed briefs</source>
        <translation>打印的拜访简报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paper size</source>
        <translation>纸张大小(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our &amp;company</source>
        <translation>我方公司(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;name</source>
        <translation>您的姓名(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Printed on every brief</source>
        <translation>印在每份简报上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pipeline</source>
        <translation>商机管道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stalled after</source>
        <translation>停滞判定(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days without a visit</source>
        <translation> 天未拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stalled after this many days without a visit</source>
        <translation>多少天未拜访即视为停滞</translation>
    </message>
</context>
<context>
    <name>PreparePage</name>
    <message>
        <location filename="../../desktop/ui/visit/prepare_page.py" line="+55"/>
        <source>When and where</source>
        <translation>时间和地点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration (minutes)</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A short name for this visit</source>
        <translation>本次拜访的简短名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who, what, where, when: travel, room, equipment</source>
        <translation>人员、内容、地点、时间：行程、会议室、设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logistics</source>
        <translation>拜访安排</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Objective</source>
        <translation>拜访目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The most you will ask for</source>
        <translation>你要争取的最高目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best commitment</source>
        <translation>最佳承诺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The least you will leave with</source>
        <translation>离开前至少要拿到的承诺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum acceptable commitment</source>
        <translation>最低可接受承诺</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Information needed</source>
        <translation>仍需了解的信息</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Research</source>
        <translation>调研</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their business and industry, our relationship, our relevant solutions</source>
        <translation>客户的业务和行业、双方关系、我方相关解决方案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Research notes</source>
        <translation>调研记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+16"/>
        <source>Who attends</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Tick the customer&apos;s people who will be in the meeting.</source>
        <translation>勾选将参加会谈的客户方人员。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+23"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Title</source>
        <comment>job title</comment>
        <translation>职位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role in this deal</source>
        <translation>在本商机中的角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attitude</source>
        <translation>态度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Communication style</source>
        <translation>行为风格</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+16"/>
        <source>Our team</source>
        <translation>我方团队</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Role in the meeting</source>
        <translation>会谈中的分工</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a team member</source>
        <translation>添加团队成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit a team member</source>
        <translation>编辑团队成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove a team member</source>
        <translation>移除团队成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move a team member</source>
        <translation>移动团队成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the name of the colleague who comes with you.</source>
        <translation>输入同行同事的姓名。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Ask for the referral: {who}</source>
        <translation>请求转介绍：{who}</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Add to the objective: %n open referral ask(s)</source>
        <translation>
            <numerusform>加入拜访目标：%n 条尚未落实的转介绍</numerusform>
        </translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Add an attendee</source>
        <translation>添加参会人员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove an attendee</source>
        <translation>移除参会人员</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <location filename="../../desktop/ui/account/profile.py" line="+63"/>
        <source>Edit account profile</source>
        <translation>编辑客户概况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile and research</source>
        <translation>客户概况与调研</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Choose all four inputs above to get the segment code.</source>
        <translation>选齐上面四项即可得出客户细分代码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Company facts</source>
        <translation>公司基本情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classification</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segmentation</source>
        <translation>客户细分</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+39"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name in the other language</source>
        <translation>另一语言名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headcount</source>
        <translation>员工人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annual revenue</source>
        <translation>年营业额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spend in our category</source>
        <translation>在我方品类的花费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main business</source>
        <translation>主营业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industry position</source>
        <translation>行业地位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation structure</source>
        <translation>组织结构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>发展历史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Past cooperation with us</source>
        <translation>与我方的合作历史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their opinion of us</source>
        <translation>对我方的整体看法</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pyramid tier</source>
        <translation>客户金字塔层级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buying behaviour</source>
        <translation>购买行为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buying-cycle stage</source>
        <translation>购买周期阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer value phase</source>
        <translation>客户价值阶段</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recognition of our expertise</source>
        <translation>对我方专业的认可</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pain</source>
        <translation>痛点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profit tier</source>
        <translation>利润层级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Segment code</source>
        <translation>客户细分代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Currency: a code such as CNY, or its sign or name (¥, RMB, US$, 美元)</source>
        <translation>币种：代码如 CNY，或符号、名称（¥、RMB、US$、美元）</translation>
    </message>
</context>
<context>
    <name>ProposePage</name>
    <message>
        <location filename="../../desktop/ui/visit/propose_page.py" line="+37"/>
        <source>Next logical action</source>
        <translation>下一步合理行动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action to propose</source>
        <translation>提议的行动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who takes part, when, and what it will show</source>
        <translation>谁参加、何时进行、要展示什么</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+36"/>
        <source>Feature → advantage → benefit</source>
        <translation>特点 → 优点 → 利益</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>A benefit only counts when it meets a need the customer stated: link each statement to one of the needs found in Consult.</source>
        <translation>只有满足客户已表达需求的利益才算数：请将每条陈述与“协商”中发现的一项需求关联。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ Not linked to a need</source>
        <translation>⚠ 未关联需求</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Feature</source>
        <translation>特点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>It has…</source>
        <translation>它具有…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Advantage</source>
        <translation>优点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>…which means…</source>
        <translation>…这意味着…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Benefit</source>
        <translation>利益</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>…so you…</source>
        <translation>…因此您可以…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Need it meets</source>
        <translation>满足的需求</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add a FAB statement</source>
        <translation>添加 FAB 陈述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit a FAB statement</source>
        <translation>编辑 FAB 陈述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete a FAB statement</source>
        <translation>删除 FAB 陈述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move a FAB statement</source>
        <translation>移动 FAB 陈述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in the feature, advantage and benefit, then pick the need.</source>
        <translation>填写特点、优点和利益，然后选择对应的需求。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(implicit, not yet stated)</source>
        <translation>（隐含需求，客户尚未说出）</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="+33"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QualificationGrid</name>
    <message>
        <location filename="../../desktop/ui/account/qualification.py" line="+85"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note on {question}</source>
        <translation>备注：{question}</translation>
    </message>
</context>
<context>
    <name>QuestionBankDialog</name>
    <message>
        <location filename="../../desktop/ui/visit/question_bank.py" line="+44"/>
        <source>Add questions from the bank</source>
        <translation>从问题库添加问题</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tick the questions to plan. Double-click a question to reword it before adding it; you can edit them afterwards too.</source>
        <translation>勾选要计划的问题。添加前可双击问题修改措辞，添加后也可以再编辑。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Filter questions</source>
        <translation>筛选问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Question bank</source>
        <translation>问题库</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ask whom</source>
        <translation>提问对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anyone</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add the ticked questions</source>
        <translation>添加勾选的问题</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Question types, with an example of each</source>
        <translation>问题类型（每类附一个示例）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the example as a pattern and reword it for this customer.</source>
        <translation>以示例为模板，针对该客户调整措辞。</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>%n question(s) ticked</source>
        <translation>
            <numerusform>已勾选 %n 个问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../desktop/ui/recovery_dialog.py" line="+46"/>
        <source>Callbrief – the data file is damaged</source>
        <translation>Callbrief – 数据文件已损坏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your data file could not be opened</source>
        <translation>无法打开您的数据文件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>It has been moved to:
%1
Nothing was deleted.</source>
        <translation>该文件已移至：
%1
没有删除任何内容。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The newest backup that passes its check was made %1.</source>
        <translation>最新一份通过校验的备份创建于 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no verified backup to restore.</source>
        <translation>没有通过校验的备份可供恢复。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore newest verified backup</source>
        <translation>恢复最新的有效备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with an empty file</source>
        <translation>从空白文件开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
</context>
<context>
    <name>ReferralPanel</name>
    <message>
        <location filename="../../desktop/ui/account/referral_panel.py" line="+99"/>
        <source>{name}: received, brought {account}</source>
        <translation>{name}：已获得，带来客户 {account}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name}: asked, still open</source>
        <translation>{name}：已请求，尚未落实</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“1+2”: a satisfied customer introduces two more. {free} of 2 slots free.</source>
        <translation>“1+2”：1 个满意的客户带来 2 个价值客户。还剩 {free} 个名额（共 2 个）。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No account of that name</source>
        <translation>没有这个名称的客户</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select a referral above and find the account it brought.</source>
        <translation>请先在上面选中一条转介绍，再查找它带来的客户。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select an open referral above.</source>
        <translation>请先在上面选中一条尚未落实的转介绍。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Referrals (1+2)</source>
        <translation>转介绍（1+2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referrals asked</source>
        <translation>已请求的转介绍</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who they would introduce</source>
        <translation>介绍对象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Company or person</source>
        <translation>公司或个人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral note</source>
        <translation>转介绍备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note, then Enter</source>
        <translation>备注，按回车添加</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find the account it brought</source>
        <translation>查找带来的客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, then Enter</source>
        <translation>名称，按回车查找</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Accounts found</source>
        <translation>找到的客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask</source>
        <translation>请求</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ask for this referral</source>
        <translation>请求这条转介绍</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link the selected referral to the account found</source>
        <translation>把选中的转介绍关联到找到的客户</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>New account from the selected referral</source>
        <translation>用选中的转介绍新建客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the selected referral</source>
        <translation>删除选中的转介绍</translation>
    </message>
</context>
<context>
    <name>RoleEditor</name>
    <message>
        <location filename="../../desktop/ui/account/role_editor.py" line="+59"/>
        <source>Edit role</source>
        <translation>编辑角色</translation>
    </message>
    <message>
        <location line="+66"/>
        <location line="+17"/>
        <source>Role in “{name}”</source>
        <translation>在“{name}”中的角色</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attitude to us</source>
        <translation>对我方的态度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Influence</source>
        <translation>影响力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SaveReporter</name>
    <message>
        <location filename="../../desktop/ui/widgets/save_status.py" line="+45"/>
        <source>{place}: {problem}</source>
        <translation>{place}中：{problem}</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../desktop/ui/search/box.py" line="+113"/>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No matches</source>
        <translation>没有匹配结果</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Search accounts, people, deals…  (Ctrl+F)</source>
        <translation>搜索客户、联系人、商机…  (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location line="-155"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../../desktop/ui/team_dialogs.py" line="+68"/>
        <location line="+1"/>
        <source>Share this account</source>
        <translation>共享此客户</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>User name, team or territory</source>
        <translation>用户名、团队或区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teammate&apos;s user name</source>
        <translation>同事的用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team name</source>
        <translation>团队名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Territory name</source>
        <translation>区域名称</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Share “%1” and everything in it with a teammate, a whole team or everyone in a territory. They receive it at their next sync and can edit it, unless you choose read only.</source>
        <translation>将“%1”及其全部内容共享给一位同事、整个团队或一个区域的所有人。对方在下次同步时收到，可以编辑；选择“只读”则只能查看。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Teammate, team or territory:</source>
        <translation>同事、团队或区域(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;nyone</source>
        <translation>任意(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Look for a teammate, team or territory</source>
        <translation>查找同事、团队或区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team&amp;mate</source>
        <translation>同事(&amp;M)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Look for a teammate</source>
        <translation>查找同事</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;eam</source>
        <translation>团队(&amp;E)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Look for a team</source>
        <translation>查找团队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terr&amp;itory</source>
        <translation>区域(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Look for a territory</source>
        <translation>查找区域</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Look for:</source>
        <translation>查找(&amp;L)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Read only: they see it but cannot change it</source>
        <translation>只读：对方可以查看，但不能修改(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Share</source>
        <translation>共享(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The team server has no teammate, team or territory named “%1”. Check the spelling.</source>
        <translation>团队服务器上没有名为“%1”的同事、团队或区域。请检查拼写。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The team server has no teammate named “%1”. Check the spelling, or look for anyone.</source>
        <translation>团队服务器上没有名为“%1”的同事。请检查拼写，或选择查找任意。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The team server has no team named “%1”. Check the spelling, or look for anyone.</source>
        <translation>团队服务器上没有名为“%1”的团队。请检查拼写，或选择查找任意。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The team server has no territory named “%1”. Check the spelling, or look for anyone.</source>
        <translation>团队服务器上没有名为“%1”的区域。请检查拼写，或选择查找任意。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter a teammate&apos;s user name, a team&apos;s name or a territory&apos;s name.</source>
        <translation>请输入同事的用户名、团队名称或区域名称。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the teammate who first shared this account may share it further.</source>
        <translation>只有最先共享此客户的同事才能继续共享。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The team server cannot be reached. Check your network and try again.</source>
        <translation>无法连接团队服务器。请检查网络后重试。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/ui/widgets/shortcuts.py" line="+22"/>
        <location line="+14"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <location filename="../../desktop/ui/visit/step_page.py" line="+85"/>
        <source>Edit the visit plan</source>
        <translation>编辑拜访计划</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Manager&apos;s review</source>
        <translation>经理审阅</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Questions to ask yourself</source>
        <translation>自问清单</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decision circle</source>
        <translation>决策圈</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tick a checklist item</source>
        <translation>勾选检查项</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Still missing for this step:</source>
        <translation>本步骤尚缺：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✓ Nothing is missing for this step.</source>
        <translation>✓ 本步骤已准备齐全。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reviewed by {name} on {day}</source>
        <translation>{name} 已于 {day} 审阅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your manager&apos;s comments</source>
        <translation>经理的意见</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Decision circle: %n warning(s)</source>
        <translation>决策圈：%n 条警示</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decision circle: no warnings</source>
        <translation>决策圈：无警示</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../desktop/ui/sync_status.py" line="+267"/>
        <source>Team sync state</source>
        <translation>团队同步状态</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Two edits made the reporting lines loop (%1); %2 no longer reports to %3.</source>
        <translation>两处修改使汇报关系形成了循环（%1）；%2 不再向 %3 汇报。</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>The team&apos;s playbook was updated; restart Callbrief to use it.</source>
        <translation>团队的销售手册已更新；重新启动 Callbrief 后生效。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The team&apos;s new playbook could not be used; the previous one is kept (details: callbrief team status).</source>
        <translation>团队的新销售手册无法使用，仍沿用之前的版本（详情：callbrief team status）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1&apos;s %2 “%3” was set aside.</source>
        <translation>%1 的“%2”内容“%3”已被搁置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bring or ask next time</source>
        <translation>下次带什么、问什么</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 was added to the deal “%2” on two laptops; the two buying-role entries were merged into one.</source>
        <translation>%1 在两台电脑上都被加入了商机“%2”；两条采购角色记录已合并为一条。</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n shared account(s) removed from this laptop: the team no longer shares them with you. A backup is at %1.</source>
        <translation>
            <numerusform>团队已不再与您共享 %n 个客户，它们已从本机移除。备份位于 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n account(s) no longer shared with you hold changes that were never sent: kept here as local accounts, no longer synced.</source>
        <translation>
            <numerusform>%n 个不再与您共享的客户含有尚未发送的修改：已作为本地客户保留在本机，不再同步。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The team server refused this laptop&apos;s login: join the team again (callbrief team join).</source>
        <translation>团队服务器拒绝了本机的登录：请重新加入团队（callbrief team join）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This laptop has not joined a team.</source>
        <translation>本机尚未加入团队。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A change from the team could not be applied here.</source>
        <translation>团队的一项更改无法在本机应用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The team server cannot be reached. Your changes are kept here and sent when it can be.</source>
        <translation>无法连接团队服务器。您的更改保存在本机，连接恢复后发送。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Syncing failed; it is tried again shortly.</source>
        <translation>同步失败，稍后将自动重试。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Team: %1</source>
        <translation>团队：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 change waiting</source>
        <translation>1 项更改待发送</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} changes waiting</source>
        <translation>{count} 项更改待发送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 value changed by someone else</source>
        <translation>1 个值被他人修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} values changed by someone else</source>
        <translation>{count} 个值被他人修改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
</context>
<context>
    <name>TeamMenu</name>
    <message>
        <location filename="../../desktop/ui/team_menu.py" line="+66"/>
        <source>&amp;Team</source>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Join a team…</source>
        <translation>加入团队(&amp;J)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log in to your team&apos;s server to share accounts</source>
        <translation>登录团队服务器以共享客户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Share this account…</source>
        <translation>共享此客户(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share the open account with a teammate, a team or a territory</source>
        <translation>将当前打开的客户共享给同事、团队或区域</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Leave this shared account…</source>
        <translation>退出此共享客户(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop receiving the open shared account and remove it from this laptop</source>
        <translation>不再接收当前打开的共享客户，并将其从本机移除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send your changes and receive the team&apos;s now</source>
        <translation>立即发送您的更改并接收团队的更改</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Joined the team at %1 as %2.</source>
        <translation>已以 %2 的身份加入 %1 的团队。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>“%1” is shared with %2; it is sent at this sync.</source>
        <translation>“%1”已共享给 %2，本次同步时发送。</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+42"/>
        <source>Leave this shared account</source>
        <translation>退出此共享客户</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Stop receiving “%1” from the team and remove it from this laptop? Your data file is backed up first; your teammates keep the account.</source>
        <translation>不再从团队接收“%1”，并将其从本机移除？系统会先备份您的数据文件；同事仍保留该客户。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“%1” was removed from this laptop. A backup is at %2.</source>
        <translation>“%1”已从本机移除。备份位于 %2。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>You shared this account first, so it cannot be left: it stays here.</source>
        <translation>此客户是您最先共享的，因此无法退出：它仍保留在本机。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The team server cannot be reached; the account stays here. Try again when you are online.</source>
        <translation>无法连接团队服务器，该客户仍保留在本机。请在联网后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_dialogs.py" line="-355"/>
        <source>The team server refused this laptop&apos;s login: join the team again (Team ▸ Join a team…).</source>
        <translation>团队服务器拒绝了本机的登录：请重新加入团队（团队 ▸ 加入团队…）。</translation>
    </message>
</context>
<context>
    <name>UpcomingModel</name>
    <message>
        <location filename="../../desktop/ui/upcoming/model.py" line="+261"/>
        <source>Plan readiness</source>
        <translation>计划完成度</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Today · {date}</source>
        <translation>今天 · {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tomorrow · {date}</source>
        <translation>明天 · {date}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 visit</source>
        <translation>1 次拜访</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} visits</source>
        <translation>{count} 次拜访</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Readiness</source>
        <translation>准备度</translation>
    </message>
</context>
<context>
    <name>UpcomingView</name>
    <message>
        <location filename="../../desktop/ui/upcoming/view.py" line="+172"/>
        <location line="+22"/>
        <source>Save tomorrow&apos;s briefs</source>
        <translation>保存明天的拜访简报</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>visit briefs</source>
        <translation>拜访简报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Preparing the briefs…</source>
        <translation>正在生成简报…</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Could not print the briefs</source>
        <translation>无法打印简报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The briefs could not be saved: {error}</source>
        <translation>简报未能保存：{error}</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Upcoming visits</source>
        <translation>近期拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print tomorrow&apos;s briefs…</source>
        <translation>打印明天的拜访简报…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save one PDF with a brief for each of tomorrow&apos;s visits (Ctrl+P)</source>
        <translation>将明天每次拜访的简报保存为一个 PDF (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No visits planned for today, this week or next week.</source>
        <translation>今天、本周和下周都没有安排拜访。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open an account and plan one from its Visits tab.</source>
        <translation>打开一个客户，在其“拜访”标签页中安排拜访。</translation>
    </message>
</context>
<context>
    <name>ValueStatementBuilder</name>
    <message>
        <location filename="../../desktop/ui/visit/value_statement.py" line="+42"/>
        <source>Value statement</source>
        <translation>价值陈述</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A fast credential: what we have done for customers like them</source>
        <translation>简短的资历介绍：我们为类似客户做过什么</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who we are</source>
        <translation>我们是谁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you want to do in this meeting, as a proposed agenda</source>
        <translation>你希望在本次会谈中做什么，以建议议程的方式提出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What we want to do</source>
        <translation>我们想做什么</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The value to them of giving you this time</source>
        <translation>客户花时间见你能得到的价值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why it is worth their time</source>
        <translation>为何值得对方花时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A fact, a reference customer or a credible claim</source>
        <translation>一项事实、一个参考客户或一个可信的依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proof or reference</source>
        <translation>依据或案例</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+117"/>
        <source>Compose the statement</source>
        <translation>组合成陈述</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Join the three parts above into the statement below, in your own words.</source>
        <translation>将上面三部分合并到下方的陈述中，再用你自己的话润色。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The statement as you will say it; edit freely</source>
        <translation>你实际要说的陈述，可自由修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statement</source>
        <translation>陈述</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tailor it to your main listener</source>
        <translation>针对主要听众调整</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Main listener</source>
        <translation>主要听众</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Decision maker: talk about outcomes, return and risk; be brief and let them decide.</source>
        <translation>决策者：谈结果、回报和风险；简明扼要，让对方做决定。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User: show how it makes their day-to-day work easier, in terms of their own problems.</source>
        <translation>使用者：结合对方自己遇到的问题，说明方案如何让其日常工作更轻松。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Technical expert: show the fit with their criteria and bring proof: data, references, documents.</source>
        <translation>技术专家：说明方案如何符合其评估标准，并拿出数据、案例、文档等证明。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Influencer: give them arguments they can repeat to the decision maker.</source>
        <translation>影响者：给对方提供可以转述给决策者的论据。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coach: be open about what you want from the meeting and ask how the others will take it.</source>
        <translation>线人：坦诚说明你希望从会谈中得到什么，并请教其他人可能会有什么反应。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Tick the customer&apos;s attendees in Prepare to get tips for your main listener.</source>
        <translation>在“准备”中勾选客户方参会人员，即可获得针对主要听众的建议。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Communication style {style}: {tip}</source>
        <translation>行为风格（{style}）：{tip}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing is known yet about this person&apos;s role or style.</source>
        <translation>尚不了解此人的角色或行为风格。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Write at least one of the three parts first.</source>
        <translation>请先至少填写三部分中的一项。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Replace the statement you have edited with the three parts joined?</source>
        <translation>要用三部分合并后的内容替换你已修改过的陈述吗？</translation>
    </message>
</context>
<context>
    <name>VisitModeWindow</name>
    <message>
        <location filename="../../desktop/ui/visit/visit_mode.py" line="+76"/>
        <location line="+76"/>
        <source>Visit mode</source>
        <translation>拜访模式</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Edit the meeting notes</source>
        <translation>编辑会谈记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Quick notes during the meeting</source>
        <translation>会谈中随手记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Leave visit mode (Esc)</source>
        <translation>退出拜访模式 (Esc)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Objective</source>
        <translation>拜访目标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In the room</source>
        <translation>在场人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>会谈记录</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Best commitment</source>
        <translation>最佳承诺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum acceptable</source>
        <translation>最低可接受承诺</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No objective set.</source>
        <translation>尚未设定拜访目标。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Our team</source>
        <translation>我方团队</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No attendees chosen.</source>
        <translation>尚未选择参会人员。</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+1"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Record an answer</source>
        <translation>记录回答</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No questions planned.</source>
        <translation>未计划提问。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mark an objection resolved</source>
        <translation>将异议标为已解决</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No objections planned.</source>
        <translation>未预计异议。</translation>
    </message>
</context>
<context>
    <name>VisitPlanView</name>
    <message>
        <location filename="../../desktop/ui/visit/plan_view.py" line="+84"/>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back (Alt+Left)</source>
        <translation>返回 (Alt+Left)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change the visit status</source>
        <translation>更改拜访状态</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ready %p%</source>
        <translation>准备度 %p%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Readiness</source>
        <translation>准备度</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Visit mode</source>
        <translation>拜访模式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full-screen view for the meeting (F5)</source>
        <translation>会谈时使用的全屏视图 (F5)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Debrief…</source>
        <translation>拜访总结…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the call report after the visit (Ctrl+D)</source>
        <translation>拜访后填写拜访报告 (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>More tools</source>
        <translation>更多工具</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>{when} ({minutes} min)</source>
        <translation>{when}（{minutes} 分钟）</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Call report saved.</source>
        <translation>拜访报告已保存。</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <location filename="../../desktop/ui/account/visits.py" line="+138"/>
        <source>&amp;Opportunity:</source>
        <translation>商机(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New visit…</source>
        <translation>新建拜访…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open plan</source>
        <translation>打开拜访计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Readiness</source>
        <translation>准备度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No visits for this opportunity yet. Plan one: it starts with the date and place.</source>
        <translation>该商机尚无拜访。安排一次拜访：先确定日期和地点。</translation>
    </message>
</context>
<context>
    <name>WarningList</name>
    <message>
        <location filename="../../desktop/ui/widgets/warning_list.py" line="+30"/>
        <source>Every role in the decision circle is covered.</source>
        <translation>决策圈中的每个角色都已覆盖。</translation>
    </message>
</context>
</TS>
