<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountFilterBar</name>
    <message>
        <location filename="../../desktop/ui/accounts/filters.py" line="+26"/>
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
        <location filename="../../desktop/ui/accounts/view.py" line="+136"/>
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
        <location filename="../../desktop/ui/account/page.py" line="+95"/>
        <source>Segment code</source>
        <translation>客户细分代码</translation>
    </message>
    <message>
        <location line="+27"/>
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
        <location filename="../../desktop/ui/accounts/model.py" line="+142"/>
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
    <name>BackupsDialog</name>
    <message>
        <location filename="../../desktop/ui/backups_dialog.py" line="+65"/>
        <location line="+102"/>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Callbrief backs up your data file after changes (at most every 10 minutes) and when you quit, and keeps about a year of backups. Each one is checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Damaged: cannot be restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Replace your current data with the backup made %1?

Everything changed since then is taken out of use. Your current file is not deleted: it is kept beside the data file, so nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <location line="+9"/>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Your previous file was kept as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The backup made %1 is now your data.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BriefActions</name>
    <message>
        <location filename="../../desktop/ui/visit/brief_actions.py" line="+117"/>
        <source>Export brief PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print brief…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export to calendar (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open in viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The brief PDF export is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The calendar export is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Write the visit brief as a PDF (Ctrl+Shift+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the visit brief (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the visit as a calendar entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the last exported brief in your PDF viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Visit plan</source>
        <translation type="unfinished">拜访计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A field is not valid; correct the marked field first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The file could not be written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+12"/>
        <source>Export brief PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Brief saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+20"/>
        <source>Print brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-11"/>
        <source>The brief opened in your PDF viewer; print it from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The brief could not be printed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The brief was sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+18"/>
        <source>Export to calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Calendar (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Calendar entry saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CircleTab</name>
    <message>
        <location filename="../../desktop/ui/account/circle.py" line="+414"/>
        <source>Move contact</source>
        <translation>调整汇报关系</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+17"/>
        <location line="+49"/>
        <source>Delete contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Delete {name}? The people who report to them will report to their manager. You can undo this with Ctrl+Z.</source>
        <translation>删除{name}？其下属将改为向其上级汇报。可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location line="+53"/>
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
        <location line="+7"/>
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
        <location line="+2"/>
        <source>Add an opportunity to record each person&apos;s role in its decision.</source>
        <translation>先添加一个商机，再记录每个人在其决策中的角色。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No people yet. Add the decision maker, the users, the technical experts, the influencers and your coach, with whom each reports to.</source>
        <translation>尚无联系人。请添加决策者、使用者、技术专家、影响者和线人，并注明各自的汇报对象。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The map view is not available in this build.</source>
        <translation>当前版本不提供决策图视图。</translation>
    </message>
</context>
<context>
    <name>ClosePage</name>
    <message>
        <location filename="../../desktop/ui/visit/close_page.py" line="+28"/>
        <source>What you will ask for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How you will close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close technique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The words of the ask, then silence; the next step to agree (who, what, when)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Buying signals and the ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not set yet (see Prepare)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Best commitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum acceptable commitment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompetitorDialog</name>
    <message>
        <location filename="../../desktop/ui/account/dialogs.py" line="+319"/>
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
        <location filename="../../desktop/ui/account/competitors.py" line="+86"/>
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
        <location line="+63"/>
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
        <location filename="../../desktop/ui/visit/consult_page.py" line="+32"/>
        <source>Planned questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add from the bank…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick questions from the ERIC and SPIN banks and the question types.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Framework and step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the question to add it to the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Needs</source>
        <translation type="unfinished">需求</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Business or personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Implicit or explicit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kind of need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Whose need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add a need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit a need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete a need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move a need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Describe the need in the customer&apos;s words to add it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>How you will run the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consulting notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Avoid:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../desktop/ui/account/contact_form.py" line="+42"/>
        <location line="+1"/>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+68"/>
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
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office phone</source>
        <translation>办公电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>电子邮件</translation>
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
        <location line="+1"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick what they care about; drag to rank, most important first.</source>
        <translation>勾选对方关心的事项；拖动排序，最重要的放在最前。</translation>
    </message>
</context>
<context>
    <name>ContactImportDialog</name>
    <message>
        <location filename="../../desktop/ui/contact_import_dialog.py" line="+63"/>
        <source>Import contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(do not import roles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognised as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles apply to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose what each column holds; at least the name is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imports as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation type="unfinished">姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation type="unfinished">职位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation type="unfinished">电子邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports to</source>
        <translation type="unfinished">汇报对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Skip likely duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+135"/>
        <source>Import %n contact(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DebriefDialog</name>
    <message>
        <location filename="../../desktop/ui/visit/debrief.py" line="+81"/>
        <source>Debrief: call report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Save the call report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The outcome of the meeting, in a few sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Best commitment planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum acceptable planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commitment achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What exactly they agreed to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commitment notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answers to the planned questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No questions were planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Their answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Objections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Needs found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add a need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Funnel stage</source>
        <translation type="unfinished">商机阶段</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Yes, move the opportunity to this stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished">年-月-日</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The need, in the customer&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Move from {old} to {new}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The opportunity stays at {stage}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Next step {n}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New need {n}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Describe what happened in the meeting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nothing was saved. Please correct:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionMapWidget</name>
    <message>
        <location filename="../../desktop/ui/map/widget.py" line="+210"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom in (Ctrl+=)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the whole map (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+48"/>
        <source>Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Forget where boxes were dragged and lay the chart out again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add someone at this account to the chart (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+228"/>
        <source>Edit…</source>
        <translation type="unfinished">编辑…</translation>
    </message>
    <message>
        <location line="-228"/>
        <source>Edit the selected person (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected person from the account (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Image (PNG, print resolution)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drawing (SVG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the map as an image or PDF to print or send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an opportunity to see its decision circle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision circle coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Forget where you dragged the boxes and lay the chart out again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Delete {names} from this account? Their reports will move up to their manager. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not export the map: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <source>All five roles are covered; nothing is flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Add a report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move to the top of the chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/ui/first_run.py" line="+39"/>
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
    <name>ItemTable</name>
    <message>
        <location filename="../../desktop/ui/visit/item_table.py" line="+181"/>
        <source>Delete</source>
        <translation type="unfinished">删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected row up (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected row down (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="+288"/>
        <source>Visit plan</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The visit plan screen is not part of this build yet.</source>
        <translation>当前版本尚未包含拜访计划界面。</translation>
    </message>
    <message>
        <location line="+60"/>
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
        <location line="+26"/>
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
        <location line="+10"/>
        <source>All changes saved</source>
        <translation>所有更改已保存</translation>
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
        <location line="+59"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销 (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Redo {what} (Ctrl+Shift+Z)</source>
        <translation>重做{what} (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+55"/>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Some changes are not saved</source>
        <translation>部分更改未保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A field holds a value that cannot be saved; it is marked in red. Close anyway and discard that change?</source>
        <translation>有字段的值无法保存，已用红色标出。仍要关闭并放弃该更改吗？</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upcoming visits</source>
        <translation>近期拜访</translation>
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
        <location line="+3"/>
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
        <location line="+5"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
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
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../desktop/ui/account/dialogs.py" line="-229"/>
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
        <location line="+64"/>
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
        <location line="+46"/>
        <source>New opportunity</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
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
        <location line="+164"/>
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
        <location line="+1"/>
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
    <name>ObjectionsPage</name>
    <message>
        <location filename="../../desktop/ui/visit/objections_page.py" line="+22"/>
        <source>Objections you expect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write each objection as the customer would say it, decide when and how you will answer it, and prepare the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In the customer&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>When to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expected at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prepared response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add an objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit an objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete an objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move an objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the objection as the customer would say it to add it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Handling it live: LSCPA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Principles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select an objection to see its type and method explained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpportunitiesTab</name>
    <message>
        <location filename="../../desktop/ui/account/opportunities.py" line="+155"/>
        <source>New opportunity…</source>
        <translation>新建商机…</translation>
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
        <location filename="../../desktop/ui/account/opportunity_form.py" line="+53"/>
        <source>Edit opportunity</source>
        <translation>编辑商机</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit qualification</source>
        <translation>编辑商机确认</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>The deal</source>
        <translation>商机概况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualification</source>
        <translation>商机确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pains, risks and our position</source>
        <translation>痛点、风险与我方态势</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <source>Expected close</source>
        <translation>预计成交日期</translation>
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
        <location line="+2"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location filename="../../desktop/ui/account/opportunity_picker.py" line="+39"/>
        <source>No opportunities yet</source>
        <translation>尚无商机</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../desktop/ui/map/dialogs.py" line="+59"/>
        <source>Add a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(nobody: top of the chart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>(not assessed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation type="unfinished">姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation type="unfinished">职位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation type="unfinished">部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports to</source>
        <translation type="unfinished">汇报对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles in this decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Influence</source>
        <translation type="unfinished">影响力</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attitude</source>
        <translation type="unfinished">态度</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/ui/preferences.py" line="+117"/>
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
</context>
<context>
    <name>PreparePage</name>
    <message>
        <location filename="../../desktop/ui/visit/prepare_page.py" line="+41"/>
        <source>When and where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place</source>
        <translation type="unfinished">地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A short name for this visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <source>Title</source>
        <translation type="unfinished">职位</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Who, what, where, when: travel, room, equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The most you will ask for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best commitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The least you will leave with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum acceptable commitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Information needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Research</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their business and industry, our relationship, our relevant solutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Research notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who attends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick the customer&apos;s people who will be in the meeting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+22"/>
        <source>Name</source>
        <translation type="unfinished">姓名</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Role in this deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attitude</source>
        <translation type="unfinished">态度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Communication style</source>
        <translation type="unfinished">行为风格</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Our team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Role in the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a team member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit a team member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove a team member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move a team member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the name of the colleague who comes with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Attendees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Add an attendee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove an attendee</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <location filename="../../desktop/ui/account/profile.py" line="+53"/>
        <source>Edit account profile</source>
        <translation>编辑客户概况</translation>
    </message>
    <message>
        <location line="+112"/>
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
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <source>Three-letter currency code, e.g. CNY</source>
        <translation>三个字母的货币代码，如 CNY</translation>
    </message>
</context>
<context>
    <name>ProposePage</name>
    <message>
        <location filename="../../desktop/ui/visit/propose_page.py" line="+24"/>
        <source>Next logical action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action to propose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who takes part, when, and what it will show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Feature → advantage → benefit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A benefit only counts when it meets a need the customer stated: link each statement to one of the needs found in Consult.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ Not linked to a need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>It has…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Advantage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>…which means…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Benefit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>…so you…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Need it meets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add a FAB statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit a FAB statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete a FAB statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move a FAB statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in the feature, advantage and benefit, then pick the need.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QualificationGrid</name>
    <message>
        <location filename="../../desktop/ui/account/qualification.py" line="+83"/>
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
</context>
<context>
    <name>QuestionBankDialog</name>
    <message>
        <location filename="../../desktop/ui/visit/question_bank.py" line="+42"/>
        <source>Add questions from the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tick the questions to plan. Double-click a question to reword it before adding it; you can edit them afterwards too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Ask whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add the ticked questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Question types, with an example of each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the example as a pattern and reword it for this customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>%n question(s) ticked</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../desktop/ui/recovery_dialog.py" line="+46"/>
        <source>Callbrief – the data file is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your data file could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>It has been moved to:
%1
Nothing was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The newest backup that passes its check was made %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no verified backup to restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore newest verified backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with an empty file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleEditor</name>
    <message>
        <location filename="../../desktop/ui/account/role_editor.py" line="+61"/>
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
    <name>SearchBox</name>
    <message>
        <location filename="../../desktop/ui/search/box.py" line="+103"/>
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
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/ui/widgets/shortcuts.py" line="+22"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location filename="../../desktop/ui/visit/step_page.py" line="+82"/>
        <source>Edit the visit plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Questions to ask yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decision circle</source>
        <translation type="unfinished">决策圈</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tick a checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Still missing for this step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✓ Nothing is missing for this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Decision circle: %n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decision circle: no warnings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpcomingView</name>
    <message>
        <location filename="../../desktop/ui/upcoming/view.py" line="+161"/>
        <source>Plan readiness</source>
        <translation>计划完成度</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Today · {date}</source>
        <translation>今天 · {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tomorrow · {date}</source>
        <translation>明天 · {date}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Save tomorrow&apos;s briefs</source>
        <translation>保存明天的拜访简报</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Briefs saved</source>
        <translation>简报已保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tomorrow&apos;s briefs were saved to {path}.</source>
        <translation>明天的拜访简报已保存到 {path}。</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <source>Upcoming visits</source>
        <translation>近期拜访</translation>
    </message>
    <message>
        <location line="+3"/>
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
    <message>
        <location line="+3"/>
        <source>Print tomorrow&apos;s briefs…</source>
        <translation>打印明天的拜访简报…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The PDF brief is not part of this build, so briefs cannot be printed.</source>
        <translation>当前版本不包含 PDF 简报功能，无法打印简报。</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location filename="../../desktop/ui/visit/value_statement.py" line="+57"/>
        <source>Value statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A fast credential: what we have done for customers like them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who we are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you want to do in this meeting, as a proposed agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What we want to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The value to them of giving you this time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why it is worth their time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A fact, a reference customer or a credible claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proof or reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+117"/>
        <source>Compose the statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Join the three parts above into the statement below, in your own words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The statement as you will say it; edit freely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tailor it to your main listener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Main listener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Decision maker: talk about outcomes, return and risk; be brief and let them decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User: show how it makes their day-to-day work easier, in terms of their own problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Technical expert: show the fit with their criteria and bring proof: data, references, documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Influencer: give them arguments they can repeat to the decision maker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coach: be open about what you want from the meeting and ask how the others will take it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Tick the customer&apos;s attendees in Prepare to get tips for your main listener.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Communication style {style}: {tip}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing is known yet about this person&apos;s role or style.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Write at least one of the three parts first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Replace the statement you have edited with the three parts joined?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitModeWindow</name>
    <message>
        <location filename="../../desktop/ui/visit/visit_mode.py" line="+73"/>
        <source>Visit mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Edit the meeting notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quick notes during the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Leave visit mode (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In the room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Objections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation type="unfinished">备注</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Best commitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum acceptable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No objective set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Our team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No attendees chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No questions planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mark an objection resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No objections planned.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitPlanView</name>
    <message>
        <location filename="../../desktop/ui/visit/plan_view.py" line="+76"/>
        <source>← Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back (Alt+Left)</source>
        <translation type="unfinished">返回 (Alt+Left)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change the visit status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ready %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Visit mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full-screen view for the meeting (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Debrief…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the call report after the visit (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+115"/>
        <source>{when} ({minutes} min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Call report saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <location filename="../../desktop/ui/account/visits.py" line="+139"/>
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
        <location filename="../../desktop/ui/widgets/warning_list.py" line="+28"/>
        <source>Every role in the decision circle is covered.</source>
        <translation>决策圈中的每个角色都已覆盖。</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../desktop/ui/backups_dialog.py" line="-154"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before an upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recovery_dialog.py" line="+29"/>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
