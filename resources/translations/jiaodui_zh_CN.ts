<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../widgets/actions.py" line="52"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="52"/>
        <source>Open a raw page, a project or a NewsML-G2 file</source>
        <translation>打开原稿、项目文件或 NewsML-G2 文件</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="53"/>
        <source>&amp;Save Project…</source>
        <translation>保存项目(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="53"/>
        <source>Save the page, your edits and review state</source>
        <translation>保存稿件、修改和校对进度</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="54"/>
        <source>&amp;Export NewsML-G2…</source>
        <translation>导出 NewsML-G2(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="54"/>
        <source>Write the articles as NewsML-G2</source>
        <translation>将文章导出为 NewsML-G2</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="55"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="56"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="56"/>
        <source>Find in the raw page or the block editor</source>
        <translation>在原稿或段落编辑器中查找</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="57"/>
        <source>&amp;Next Flag</source>
        <translation>下一个问题(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="57"/>
        <source>Go to the next flag (F8)</source>
        <translation>转到下一个问题（F8）</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="58"/>
        <source>&amp;Previous Flag</source>
        <translation>上一个问题(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="58"/>
        <source>Go to the previous flag (Shift+F8)</source>
        <translation>转到上一个问题（Shift+F8）</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="59"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="60"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="61"/>
        <source>&amp;Reset Zoom</source>
        <translation>恢复原始大小(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ArticleTreeModel</name>
    <message>
        <location filename="../../widgets/article_tree.py" line="218"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../widgets/article_tree.py" line="233"/>
        <source>lines %1–%2</source>
        <translation>第 %1–%2 行</translation>
    </message>
    <message>
        <location filename="../../widgets/article_tree.py" line="252"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>BlockEditor</name>
    <message>
        <location filename="../../widgets/block_editor.py" line="104"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../widgets/block_editor.py" line="105"/>
        <source>Apply the edited text to the block (Ctrl+Return)</source>
        <translation>将修改后的文字应用到该段（Ctrl+Return）</translation>
    </message>
    <message>
        <location filename="../../widgets/block_editor.py" line="106"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../widgets/block_editor.py" line="109"/>
        <source>Select a block in the tree to read or edit it.</source>
        <translation>在文章树中选择一段即可阅读或编辑。</translation>
    </message>
    <message>
        <location filename="../../widgets/block_editor.py" line="112"/>
        <source>raw lines %1–%2</source>
        <translation>原稿第 %1–%2 行</translation>
    </message>
    <message>
        <location filename="../../widgets/block_editor.py" line="113"/>
        <source>added by hand</source>
        <translation>手工添加</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/block_editor.py" line="115"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字符</numerusform></translation>
    </message>
</context>
<context>
    <name>BlockKind</name>
    <message>
        <location filename="../../widgets/article_tree.py" line="33"/>
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location filename="../../widgets/article_tree.py" line="34"/>
        <source>Headline</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../widgets/article_tree.py" line="35"/>
        <source>Subtitle</source>
        <translation>副题</translation>
    </message>
    <message>
        <location filename="../../widgets/article_tree.py" line="36"/>
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../widgets/article_tree.py" line="37"/>
        <source>Dateline</source>
        <translation>电头</translation>
    </message>
    <message>
        <location filename="../../widgets/article_tree.py" line="38"/>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../widgets/article_tree.py" line="39"/>
        <source>Caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location filename="../../widgets/article_tree.py" line="40"/>
        <source>Unassigned</source>
        <translation>未归类</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <location filename="../../widgets/flags_panel.py" line="291"/>
        <source>line joins</source>
        <translation>断行连接</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="291"/>
        <source>spaces</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="292"/>
        <source>punctuation</source>
        <translation>标点</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="292"/>
        <source>structure</source>
        <translation>结构</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="293"/>
        <source>encoding</source>
        <translation>编码</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <location filename="../../widgets/find_replace.py" line="94"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 处匹配</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="135"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="136"/>
        <source>Text to find</source>
        <translation>要查找的文字</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="137"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="138"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="139"/>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="141"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
</context>
<context>
    <name>Fix</name>
    <message>
        <location filename="../../widgets/flags_panel.py" line="34"/>
        <source>(delete)</source>
        <translation>（删除）</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="35"/>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="36"/>
        <location filename="../../widgets/flags_panel.py" line="38"/>
        <source>join lines</source>
        <translation>连接两行</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="36"/>
        <location filename="../../widgets/flags_panel.py" line="38"/>
        <source>keep the break</source>
        <translation>保留分段</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="40"/>
        <source>%1 (or %2)</source>
        <translation>%1（或%2）</translation>
    </message>
</context>
<context>
    <name>FlagsModel</name>
    <message>
        <location filename="../../widgets/flags_panel.py" line="82"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="82"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="82"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="83"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="83"/>
        <source>Fix</source>
        <translation>建议修改</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="84"/>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
</context>
<context>
    <name>FlagsPanel</name>
    <message>
        <location filename="../../widgets/flags_panel.py" line="249"/>
        <source>All flags</source>
        <translation>全部问题</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="251"/>
        <source>Category: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="254"/>
        <source>Rule: %1</source>
        <translation>规则：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/flags_panel.py" line="274"/>
        <source>%n flag(s)</source>
        <translation>
            <numerusform>共 %n 个问题</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="280"/>
        <source>Errors only</source>
        <translation>只看错误</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="132"/>
        <source>Check failed: %1</source>
        <translation>检查失败：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="144"/>
        <source>Open Page</source>
        <translation>打开稿件</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="145"/>
        <source>Pages and projects (*.txt *.json *.xml);;All files (*)</source>
        <translation>稿件和项目 (*.txt *.json *.xml);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="164"/>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="165"/>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="180"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="197"/>
        <source>Save Project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="198"/>
        <source>jiaodui projects (*.json)</source>
        <translation>校对项目 (*.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="206"/>
        <source>Export NewsML-G2</source>
        <translation>导出 NewsML-G2</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="207"/>
        <source>NewsML-G2 (*.xml)</source>
        <translation>NewsML-G2 (*.xml)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="215"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="217"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="222"/>
        <source>No flags to go to</source>
        <translation>没有问题可转到</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="309"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="310"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="311"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="312"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="313"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="314"/>
        <source>&amp;Navigate</source>
        <translation>导航(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="315"/>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="316"/>
        <source>Flags</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="322"/>
        <source>jiaodui — proofreading</source>
        <translation>校对 jiaodui</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <location filename="../../widgets/flags_panel.py" line="26"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="26"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="27"/>
        <source>Info</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../widgets/status_bar.py" line="54"/>
        <source>No page open</source>
        <translation>未打开稿件</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="56"/>
        <source>Encoding: %1</source>
        <translation>编码：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/status_bar.py" line="59"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/status_bar.py" line="60"/>
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%n 个段落</numerusform></translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="62"/>
        <source>Loading dictionary…</source>
        <translation>正在加载词典…</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="63"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="66"/>
        <source>Flags: pending</source>
        <translation>问题：检查中</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/status_bar.py" line="68"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/status_bar.py" line="69"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/status_bar.py" line="70"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 个提示</numerusform></translation>
    </message>
</context>
</TS>