<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../widgets/help.py" line="207"/>
        <source>About jiaodui</source>
        <translation>关于校对</translation>
    </message>
    <message>
        <location filename="../../widgets/help.py" line="218"/>
        <source>Proofread OCR’d Chinese newspaper pages and export NewsML-G2.</source>
        <translation>校对 OCR 识别的中文报纸版面，导出 NewsML-G2。</translation>
    </message>
    <message>
        <location filename="../../widgets/help.py" line="219"/>
        <source>Licensed under the MIT licence.</source>
        <translation>本软件以 MIT 许可证发布。</translation>
    </message>
    <message>
        <location filename="../../widgets/help.py" line="220"/>
        <source>Built with</source>
        <translation>使用的软件</translation>
    </message>
    <message>
        <location filename="../../widgets/help.py" line="223"/>
        <source>NewsML-G2 is a standard of the IPTC (International Press Telecommunications Council). Its schema is published under CC BY 4.0 and is not bundled; choose it in Preferences to validate exports.</source>
        <translation>NewsML-G2 是国际新闻电信委员会（IPTC）制定的标准。其模式文件以 CC BY 4.0 发布，本软件未附带；可在首选项中指定，用于校验导出的文件。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../widgets/actions.py" line="67"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="67"/>
        <source>Open a raw page, a project or a NewsML-G2 file</source>
        <translation>打开原稿、项目文件或 NewsML-G2 文件</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="68"/>
        <source>Save the page, your edits and review state</source>
        <translation>保存稿件、修改和校对进度</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="68"/>
        <source>&amp;Save Project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="69"/>
        <source>Save Project &amp;As…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="69"/>
        <source>Save the project to a new file</source>
        <translation>把项目保存到新文件</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="70"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="71"/>
        <source>Language, fonts, rules, export schema, autosave interval</source>
        <translation>界面语言、字体、检查规则、导出校验模式、自动保存间隔</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="72"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="73"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="74"/>
        <source>&amp;Replace…</source>
        <translation>替换(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="74"/>
        <source>Replace in all blocks of the page</source>
        <translation>在本版所有文字块中替换</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="75"/>
        <source>&amp;Export NewsML-G2…</source>
        <translation>导出 NewsML-G2(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="75"/>
        <source>Write the articles as NewsML-G2</source>
        <translation>将文章导出为 NewsML-G2</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="76"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="77"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="77"/>
        <source>Find in the raw page or the block editor</source>
        <translation>在原稿或段落编辑器中查找</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="78"/>
        <source>&amp;Next Flag</source>
        <translation>下一个问题(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="78"/>
        <source>Go to the next flag (F8)</source>
        <translation>转到下一个问题（F8）</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="79"/>
        <source>&amp;Previous Flag</source>
        <translation>上一个问题(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="79"/>
        <source>Go to the previous flag (Shift+F8)</source>
        <translation>转到上一个问题（Shift+F8）</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="80"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="81"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="82"/>
        <source>&amp;Reset Zoom</source>
        <translation>恢复原始大小(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="83"/>
        <source>What &amp;Changed…</source>
        <translation>改动一览(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="84"/>
        <source>Every edit of the page with its line, and the raw text against the corrected text</source>
        <translation>本版的每处改动及其行号，并对照原稿与校后文字</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="85"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="85"/>
        <source>Every key the window knows</source>
        <translation>窗口中的全部快捷键</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="86"/>
        <source>&amp;About jiaodui</source>
        <translation>关于校对(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="86"/>
        <source>Version and licences</source>
        <translation>版本与许可证</translation>
    </message>
    <message>
        <location filename="../../widgets/actions.py" line="87"/>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
</context>
<context>
    <name>ArticleTreeModel</name>
    <message>
        <location filename="../../widgets/article_tree.py" line="303"/>
        <source>Articles</source>
        <extracomment>Above this many articles with changed flag markers, one dataChanged stands for them all.</extracomment>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../widgets/article_tree.py" line="318"/>
        <source>lines %1–%2</source>
        <translation>第 %1–%2 行</translation>
    </message>
    <message>
        <location filename="../../widgets/article_tree.py" line="337"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../widgets/article_tree.py" line="345"/>
        <source>reviewed</source>
        <translation>已审</translation>
    </message>
    <message>
        <location filename="../../widgets/article_tree.py" line="346"/>
        <source>not reviewed yet</source>
        <translation>未审</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="10"/>
        <source>Read as a headline: a short run of lines that do not read as running text, with an article's opening, an indented paragraph or a blank line after it</source>
        <translation>判为标题：几行不像正文的短行，其后是文章开头、缩进段落或空行</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="13"/>
        <source>Read as a headline: after a column break, with a dateline or byline right under it</source>
        <translation>判为标题：在分栏处之后，紧接着电头或署名</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="16"/>
        <source>Read as a headline: cut from a line that held the headlines of a row of articles side by side, and given to the text that holds its words</source>
        <translation>判为标题：从并排几篇文章标题合成的一行中切出，归入含有其字词的正文</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="19"/>
        <source>Read as a headline: cut from among another article's titles, and given to the text that holds its words</source>
        <translation>读作标题：从另一篇文章的标题行中切出，归入含有其词语的正文</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="22"/>
        <source>Part of a headline the OCR read inside a column of text, joined back to its headline</source>
        <translation>OCR 读进正文栏中的标题片段，已接回其标题</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="25"/>
        <source>Read as a headline: printed in the middle of another article's sentence, which goes on after it; given to the text that holds its words</source>
        <translation>读作标题：印在另一篇文章的句子中间（该句在其后接续），归入含有其词语的正文</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="28"/>
        <source>Read as a column's top: it goes on with a paragraph that broke off unfinished where another article began</source>
        <extracomment>The user put the cursor on raw line n (0-based), by mouse or keyboard.</extracomment>
        <translation>读作栏首：接续在另一篇文章开始处中断的未完段落</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="29"/>
        <source>Read as a byline: a reporter's role and names</source>
        <translation>判为署名：记者身份和姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="30"/>
        <source>Read as a byline: names standing alone by the text</source>
        <translation>判为署名：正文旁单独成行的姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="32"/>
        <source>Cut from the paragraph's start: a dateline (the place and date of the report)</source>
        <translation>从段首切出：电头（发稿地点和日期）</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="33"/>
        <source>Cut from the paragraph: a credit in brackets</source>
        <translation>从段落中切出：括号内的署名</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="35"/>
        <source>Read as a paragraph's first line that the OCR set apart</source>
        <translation>判为被 OCR 单独分出的段落首行</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="37"/>
        <source>Read as an intertitle: a short label between finished paragraphs</source>
        <translation>判为小标题：两段完整段落之间的短标签</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="39"/>
        <source>Read as an intertitle: a numbered or marked label inside the text</source>
        <translation>判为小标题：正文中带编号或标记的标签</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="41"/>
        <source>Read as page furniture: masthead, date, section, page number or editors' line</source>
        <translation>判为版面信息：报头、日期、版名、版号或责编行</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="42"/>
        <source>A mark standing alone: kept, for you to place</source>
        <translation>单独成行的符号：已保留，待您处理</translation>
    </message>
    <message>
        <location filename="../../widgets/reasons.py" line="44"/>
        <source>Kept in the text: a bracketed note after the article's own byline</source>
        <translation>保留在正文中：文章署名之后的括号说明</translation>
    </message>
</context>
<context>
    <name>BlockEditor</name>
    <message>
        <location filename="../../widgets/block_editor.py" line="152"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../widgets/block_editor.py" line="153"/>
        <source>Apply the edited text to the block (Ctrl+Return)</source>
        <translation>将修改后的文字应用到该段（Ctrl+Return）</translation>
    </message>
    <message>
        <location filename="../../widgets/block_editor.py" line="154"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../widgets/block_editor.py" line="157"/>
        <source>Select a block in the tree to read or edit it.</source>
        <translation>在文章树中选择一段即可阅读或编辑。</translation>
    </message>
    <message>
        <location filename="../../widgets/block_editor.py" line="160"/>
        <source>raw lines %1–%2</source>
        <translation>原稿第 %1–%2 行</translation>
    </message>
    <message>
        <location filename="../../widgets/block_editor.py" line="161"/>
        <source>added by hand</source>
        <translation>手工添加</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/block_editor.py" line="163"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字符</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <location filename="../../widgets/changes_dialog.py" line="46"/>
        <source>What Changed</source>
        <translation>改动一览</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/changes_dialog.py" line="48"/>
        <source>%n change(s) since the page was read:</source>
        <translation>
            <numerusform>自读入以来共 %n 处改动：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/changes_dialog.py" line="50"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../widgets/changes_dialog.py" line="50"/>
        <source>Change</source>
        <translation>改动</translation>
    </message>
    <message>
        <location filename="../../widgets/changes_dialog.py" line="58"/>
        <source>This block</source>
        <translation>本段</translation>
    </message>
    <message>
        <location filename="../../widgets/changes_dialog.py" line="59"/>
        <source>Whole page</source>
        <translation>整版</translation>
    </message>
    <message>
        <location filename="../../widgets/changes_dialog.py" line="66"/>
        <source>Raw text against the corrected text:</source>
        <translation>原稿对照校后文字：</translation>
    </message>
    <message>
        <location filename="../../widgets/changes_dialog.py" line="80"/>
        <source>Save Report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <location filename="../../widgets/changes_dialog.py" line="135"/>
        <source>Save Report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location filename="../../widgets/changes_dialog.py" line="136"/>
        <source>Text (*.txt)</source>
        <translation>文本 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../widgets/changes_dialog.py" line="144"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/changes_dialog.py" line="146"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <location filename="../../widgets/editing.py" line="158"/>
        <source>That block is gone.</source>
        <translation>该文字块已不存在。</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="158"/>
        <source>Cannot do that: %1</source>
        <translation>无法执行：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="176"/>
        <source>Nothing to replace.</source>
        <translation>没有可替换的内容。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/editing.py" line="178"/>
        <source>Replace %n match(es): untick those to keep.</source>
        <translation>
            <numerusform>替换 %n 处匹配：不想替换的请取消勾选。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="180"/>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="269"/>
        <source>(select a block first)</source>
        <translation>（请先选择文字块）</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="274"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="310"/>
        <source>&amp;Apply Fix</source>
        <translation>应用修正(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="311"/>
        <source>&amp;Join Lines</source>
        <translation>接排(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="312"/>
        <source>&amp;Keep Paragraph Break</source>
        <translation>保留分段(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="313"/>
        <source>Fix &amp;All of This Rule…</source>
        <translation>修正此规则的全部问题(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="314"/>
        <source>&amp;Ignore This Flag</source>
        <translation>忽略此问题(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="315"/>
        <source>Ignore This &amp;Rule on This Page</source>
        <translation>本版忽略此规则(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="316"/>
        <source>Add Its Word to the &amp;Dictionary…</source>
        <translation>将其词语加入词典(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="317"/>
        <source>Move Block &amp;Up</source>
        <translation>上移段落(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="318"/>
        <source>Move Block Do&amp;wn</source>
        <translation>下移段落(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="319"/>
        <source>&amp;Split Paragraph at Cursor</source>
        <translation>在光标处拆分段落(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="320"/>
        <source>&amp;Merge with Next Block</source>
        <translation>与下一块合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="321"/>
        <source>Split Article &amp;Here</source>
        <translation>从此处拆分文章(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="322"/>
        <source>Merge Article with &amp;Next</source>
        <translation>与下一篇文章合并(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="323"/>
        <source>&amp;New Article</source>
        <translation>新建文章(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="324"/>
        <source>&amp;Delete Block</source>
        <translation>删除文字块(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="325"/>
        <source>Delete A&amp;rticle</source>
        <translation>删除文章(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="326"/>
        <source>Mark Article &amp;Reviewed</source>
        <translation>标记文章已审(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/editing.py" line="332"/>
        <source>Mo&amp;ve Block to Article</source>
        <translation>移动到文章(&amp;V)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../widgets/export_dialog.py" line="38"/>
        <source>%n problem(s) in the content. You can go back and fix them, or export anyway (open errors are noted in the file).</source>
        <translation>
            <numerusform>内容有 %n 个问题。可以返回修改，也可以照样导出（未解决的错误会注明在文件中）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="39"/>
        <source>The content check found no problems.</source>
        <translation>内容检查没有发现问题。</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="43"/>
        <source>Double-click or Enter: go there</source>
        <translation>双击或回车：转到该处</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="53"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="56"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="59"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="95"/>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="96"/>
        <source>%1 exists already. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="112"/>
        <source>Checked before writing.</source>
        <translation>写入前检查。</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="115"/>
        <source>Validated against %1 before writing.</source>
        <translation>写入前按 %1 校验。</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="117"/>
        <source>No schema set (Preferences): the file is not validated.</source>
        <translation>未设置校验模式（见首选项）：文件不做校验。</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="31"/>
        <location filename="../../widgets/export_dialog.py" line="67"/>
        <location filename="../../widgets/export_dialog.py" line="121"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="129"/>
        <source>Choose a file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="138"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="134"/>
        <location filename="../../widgets/export_dialog.py" line="145"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/export_dialog.py" line="152"/>
        <source>Not written: the file would not be valid NewsML-G2 (%n error(s)).</source>
        <translation>
            <numerusform>未写入：文件不符合 NewsML-G2（%n 处错误）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../widgets/files.py" line="80"/>
        <source>The raw page has changed</source>
        <translation>原稿已改动</translation>
    </message>
    <message>
        <location filename="../../widgets/files.py" line="82"/>
        <source>The raw page of this project has changed on disk since the project was saved. The project keeps the page as it was then.</source>
        <translation>自项目保存以来，磁盘上的原稿已被改动。项目仍保留保存时的原稿。</translation>
    </message>
    <message>
        <location filename="../../widgets/files.py" line="96"/>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/files.py" line="125"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../widgets/files.py" line="126"/>
        <source>The page has changes that are not saved. Save them?</source>
        <translation>本版有尚未保存的修改。要保存吗？</translation>
    </message>
    <message>
        <location filename="../../widgets/files.py" line="145"/>
        <source>Cannot restore: %1</source>
        <translation>无法恢复：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/files.py" line="156"/>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <location filename="../../widgets/files.py" line="158"/>
        <source>jiaodui did not close properly. Restore the unsaved work on %1 from %2?</source>
        <translation>jiaodui 上次未正常关闭。要恢复 %1 在 %2 未保存的工作吗？</translation>
    </message>
    <message>
        <location filename="../../widgets/files.py" line="174"/>
        <source>Save Project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../../widgets/files.py" line="175"/>
        <source>jiaodui projects (*.json)</source>
        <translation>jiaodui 项目 (*.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/files.py" line="194"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../widgets/files.py" line="195"/>
        <source>Cannot save %1</source>
        <translation>无法保存 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/files.py" line="200"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/files.py" line="237"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <location filename="../../widgets/find_replace.py" line="186"/>
        <source>%n match(es) in this block</source>
        <translation>
            <numerusform>本段 %n 处匹配</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/find_replace.py" line="187"/>
        <source>%n match(es) in the page</source>
        <translation>
            <numerusform>整版 %n 处匹配</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/find_replace.py" line="222"/>
        <source>%1 of %n match(es) in this block</source>
        <translation>
            <numerusform>第 %1 处，本段共 %n 处匹配</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/find_replace.py" line="223"/>
        <source>%1 of %n match(es) in the page</source>
        <translation>
            <numerusform>第 %1 处，整版共 %n 处匹配</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="286"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="287"/>
        <source>Text to find</source>
        <translation>要查找的文字</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="289"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="291"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="292"/>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="293"/>
        <source>Whole word</source>
        <translation>全词匹配</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="295"/>
        <source>Only where the word segmentation has a word of its own (林长 does not find 林长制)</source>
        <translation>只找分词后独立成词的地方（查“林长”不会找到“林长制”）</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="296"/>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="297"/>
        <source>Replace:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="298"/>
        <source>Replacement (\1 for a group)</source>
        <translation>替换内容（\1 表示分组）</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="299"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="300"/>
        <source>Replace this match and go to the next (Enter)</source>
        <translation>替换此处并转到下一处（回车）</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="301"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="302"/>
        <source>Leave this match and go to the next</source>
        <translation>保留此处，转到下一处</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="303"/>
        <source>Replace All…</source>
        <translation>全部替换…</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="305"/>
        <source>A preview of every match, each can be left out; one undo step</source>
        <translation>预览每一处匹配，可逐处取消；一步撤销</translation>
    </message>
    <message>
        <location filename="../../widgets/find_replace.py" line="307"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
</context>
<context>
    <name>Fix</name>
    <message>
        <location filename="../../widgets/flags_model.py" line="27"/>
        <source>(delete)</source>
        <translation>（删除）</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_model.py" line="27"/>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_model.py" line="28"/>
        <location filename="../../widgets/flags_model.py" line="30"/>
        <source>join lines</source>
        <translation>连接两行</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_model.py" line="28"/>
        <location filename="../../widgets/flags_model.py" line="30"/>
        <source>keep the break</source>
        <translation>保留分段</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_model.py" line="32"/>
        <source>%1 (or %2)</source>
        <translation>%1（或%2）</translation>
    </message>
</context>
<context>
    <name>FlagsModel</name>
    <message>
        <location filename="../../widgets/flags_model.py" line="115"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_model.py" line="115"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_model.py" line="115"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_model.py" line="116"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_model.py" line="116"/>
        <source>Fix</source>
        <translation>建议修改</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_model.py" line="117"/>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_model.py" line="190"/>
        <source>ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_model.py" line="191"/>
        <source>rule ignored on this page</source>
        <translation>本版已忽略此规则</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_model.py" line="192"/>
        <source>break kept</source>
        <translation>已保留分段</translation>
    </message>
</context>
<context>
    <name>FlagsPanel</name>
    <message>
        <location filename="../../widgets/flags_panel.py" line="325"/>
        <source>All flags</source>
        <translation>全部问题</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="327"/>
        <source>Category: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="330"/>
        <source>Rule: %1</source>
        <translation>规则：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/flags_panel.py" line="355"/>
        <source>%n flag(s)</source>
        <extracomment>Why the parser read a block's lines as it did (``Block.why``), for the block's tooltip. Text commits to one block closer together than this (seconds) are one undo step. Where the window's selection goes after a redo and after an undo (see widgets/loop.py), and who takes it there; set once the command is pushed. The kinds a block can be given, with their shortcuts (from the kinds table). The narrowest a message box is drawn, so that its title and a path fit (pixels). Widest a fitted column gets (pixels); its tooltip has the whole text.</extracomment>
        <translation>
            <numerusform>共 %n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/flags_panel.py" line="358"/>
        <source>%n ignored</source>
        <translation>
            <numerusform>%n 条已忽略</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="364"/>
        <source>Errors only</source>
        <translation>只看错误</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="365"/>
        <source>Show ignored</source>
        <translation>显示已忽略</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="366"/>
        <source>List the flags ignored on this page, greyed, to restore them</source>
        <translation>以灰色列出本版已忽略的问题，可以恢复</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="367"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_panel.py" line="368"/>
        <source>Show this ignored flag again (undoable)</source>
        <translation>重新显示这条已忽略的问题（可撤销）</translation>
    </message>
</context>
<context>
    <name>HeadlineQuestion</name>
    <message>
        <location filename="../../widgets/headline_question.py" line="16"/>
        <source>This article has a headline</source>
        <translation>这篇文章已有主题</translation>
    </message>
    <message>
        <location filename="../../widgets/headline_question.py" line="18"/>
        <source>The article you are moving this headline into has a headline already. What should become of the two?</source>
        <translation>要移入的文章已经有主题。两个主题怎么处理？</translation>
    </message>
    <message>
        <location filename="../../widgets/headline_question.py" line="21"/>
        <source>Replace (the old one goes back)</source>
        <translation>替换（原主题移回来处）</translation>
    </message>
    <message>
        <location filename="../../widgets/headline_question.py" line="22"/>
        <source>Make It the Subtitle</source>
        <translation>改作副题</translation>
    </message>
    <message>
        <location filename="../../widgets/headline_question.py" line="24"/>
        <source>Keep Both (flagged)</source>
        <translation>都保留（标为问题）</translation>
    </message>
</context>
<context>
    <name>Loop</name>
    <message>
        <location filename="../../widgets/loop.py" line="57"/>
        <source>No flags to go to</source>
        <extracomment>Lower numbers are drawn first, so higher layers paint over them.</extracomment>
        <translation>没有问题可转到</translation>
    </message>
    <message>
        <location filename="../../widgets/loop.py" line="64"/>
        <source>No flags left</source>
        <translation>没有剩余问题</translation>
    </message>
    <message>
        <location filename="../../widgets/loop.py" line="137"/>
        <source>No current flag: press F8 to go to one.</source>
        <translation>当前没有选中的问题：按 F8 转到一条。</translation>
    </message>
    <message>
        <location filename="../../widgets/loop.py" line="160"/>
        <source>Nothing to fix automatically for this rule.</source>
        <translation>此规则没有可自动修正的问题。</translation>
    </message>
    <message>
        <location filename="../../widgets/loop.py" line="163"/>
        <source>Fix every “%1” flag: untick those to leave as they are.</source>
        <translation>修正所有“%1”问题：不想修改的请取消勾选。</translation>
    </message>
    <message>
        <location filename="../../widgets/loop.py" line="165"/>
        <source>Fix All</source>
        <translation>全部修正</translation>
    </message>
    <message>
        <location filename="../../widgets/loop.py" line="203"/>
        <source>Not a word: %1</source>
        <translation>不是一个词：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/loop.py" line="207"/>
        <source>“%1” is in the dictionary already</source>
        <translation>“%1”已在词典中</translation>
    </message>
    <message>
        <location filename="../../widgets/loop.py" line="210"/>
        <source>Added “%1” to this project's dictionary</source>
        <translation>已将“%1”加入本项目词典</translation>
    </message>
    <message>
        <location filename="../../widgets/loop.py" line="215"/>
        <source>Add to Dictionary</source>
        <translation>加入词典</translation>
    </message>
    <message>
        <location filename="../../widgets/loop.py" line="216"/>
        <source>Word never to flag as misread in this project:</source>
        <translation>本项目中不再标为误识的词：</translation>
    </message>
    <message>
        <location filename="../../widgets/loop.py" line="228"/>
        <source>These keys act on the current flag wherever the focus is; in the block editor, Ctrl+Enter applies the fix</source>
        <translation>这些键在窗口任何位置都作用于当前问题；在段落编辑器中用 Ctrl+Enter 采用修正</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="145"/>
        <source>Check failed: %1</source>
        <translation>检查失败：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="166"/>
        <source>Undo %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="167"/>
        <source>Redo %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="193"/>
        <source>Some files were not opened</source>
        <translation>有些文件没有打开</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="213"/>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="214"/>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="106"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="111"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="112"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="113"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="114"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="115"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="116"/>
        <source>F&amp;lags</source>
        <translation>问题(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="117"/>
        <source>&amp;Structure</source>
        <translation>结构(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="118"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="119"/>
        <source>Change &amp;Kind</source>
        <translation>更改类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="120"/>
        <source>Undo History</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="121"/>
        <source>Undo &amp;History</source>
        <translation>撤销历史(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="122"/>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="123"/>
        <source>Flags</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="124"/>
        <source>Report: names, variants, words</source>
        <translation>报告：人名地名、形近异写、词频</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="125"/>
        <source>&amp;My Dictionary…</source>
        <translation>我的词典(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../widgets/menus.py" line="126"/>
        <source>&amp;Report</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/my_dictionary.py" line="47"/>
        <source>My dictionary was not read: %1</source>
        <translation>未能读取我的词典：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/my_dictionary.py" line="140"/>
        <source>My dictionary was not saved: %1</source>
        <translation>未能保存我的词典：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/my_dictionary.py" line="143"/>
        <source>My dictionary: %1 words</source>
        <translation>我的词典：%1 个词</translation>
    </message>
</context>
<context>
    <name>MyDictionaryDialog</name>
    <message>
        <location filename="../../widgets/my_dictionary.py" line="54"/>
        <source>My Dictionary</source>
        <translation>我的词典</translation>
    </message>
    <message>
        <location filename="../../widgets/my_dictionary.py" line="56"/>
        <source>Words never flagged as misread on any page, one a line (a project's own words are added with D):</source>
        <translation>在任何版面都不当作误识别标记的词，每行一个（项目自己的词用 D 键添加）：</translation>
    </message>
    <message>
        <location filename="../../widgets/my_dictionary.py" line="62"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../widgets/my_dictionary.py" line="63"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../widgets/my_dictionary.py" line="106"/>
        <source>%1 words added</source>
        <translation>已添加 %1 个词</translation>
    </message>
    <message>
        <location filename="../../widgets/my_dictionary.py" line="114"/>
        <source>Written to %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/my_dictionary.py" line="117"/>
        <source>Import Words</source>
        <translation>导入词表</translation>
    </message>
    <message>
        <location filename="../../widgets/my_dictionary.py" line="117"/>
        <source>Word lists (*.txt);;All files (*)</source>
        <translation>词表 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/my_dictionary.py" line="122"/>
        <source>Export Words</source>
        <translation>导出词表</translation>
    </message>
    <message>
        <location filename="../../widgets/my_dictionary.py" line="123"/>
        <source>Word lists (*.txt)</source>
        <translation>词表 (*.txt)</translation>
    </message>
</context>
<context>
    <name>PageList</name>
    <message>
        <location filename="../../widgets/page_list.py" line="43"/>
        <location filename="../../widgets/page_list.py" line="52"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../widgets/page_list.py" line="43"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../widgets/page_list.py" line="52"/>
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../../widgets/page_list.py" line="52"/>
        <source>Flags</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../widgets/page_list.py" line="52"/>
        <source>Reviewed</source>
        <translation>已审</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../widgets/page_view.py" line="123"/>
        <source>Drawing the page…</source>
        <translation>正在绘制版面…</translation>
    </message>
    <message>
        <location filename="../../widgets/page_view.py" line="148"/>
        <source>The page image cannot be drawn: %1</source>
        <translation>无法绘制版面图像：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/page_view.py" line="222"/>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>缩小（Ctrl+滚轮）</translation>
    </message>
    <message>
        <location filename="../../widgets/page_view.py" line="222"/>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>放大（Ctrl+滚轮）</translation>
    </message>
    <message>
        <location filename="../../widgets/page_view.py" line="224"/>
        <source>Fit the page's width</source>
        <translation>适合版面宽度</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../widgets/pages.py" line="110"/>
        <source>No more pages</source>
        <translation>没有更多版面了</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="139"/>
        <source>Pages, PDFs, OCR files and projects (%1)</source>
        <translation>版面、PDF、OCR 文件和项目 (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="145"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="150"/>
        <source>Open Pages</source>
        <translation>打开版面</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="158"/>
        <source>Open a Folder of Pages</source>
        <translation>打开版面文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="167"/>
        <source>Open as Text Page</source>
        <translation>作为文本版面打开</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="181"/>
        <source>Exporting the pages…</source>
        <translation>正在导出各版面…</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="181"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="189"/>
        <source>Exported %1 of %2</source>
        <translation>已导出 %1/%2</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="196"/>
        <source>Exported %1 of %2 pages to %3</source>
        <translation>已导出 %1/%2 个版面到 %3</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="200"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="204"/>
        <source>Export All Pages To</source>
        <translation>将全部版面导出到</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="209"/>
        <source>Ne&amp;xt Page</source>
        <translation>下一版(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="209"/>
        <source>Pre&amp;vious Page</source>
        <translation>上一版(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="210"/>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="211"/>
        <source>Export &amp;All Pages…</source>
        <translation>导出全部版面(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="214"/>
        <source>Pages</source>
        <translation>版面列表</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="215"/>
        <source>Page Image</source>
        <translation>版面图像</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="216"/>
        <source>&amp;Pages</source>
        <translation>版面列表(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../widgets/pages.py" line="217"/>
        <source>Page &amp;Image</source>
        <translation>版面图像(&amp;I)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../widgets/preferences.py" line="210"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="211"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="212"/>
        <source>Rules</source>
        <translation>检查规则</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="213"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="214"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="215"/>
        <source>Built-in Chinese fonts</source>
        <translation>内置中文字体</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="216"/>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="218"/>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="218"/>
        <source>Font:</source>
        <translation>字体：</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="219"/>
        <source>Font size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="223"/>
        <source>Light and dark colours follow the system's colour scheme.</source>
        <translation>浅色与深色配色跟随系统设置。</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="226"/>
        <source>Which rules run and how serious their flags are. The command line reads the same settings from a file: jiaodui check --settings FILE (Export… writes one).</source>
        <translation>选择运行哪些规则、问题的级别。命令行从文件读取同样的设置：jiaodui check --settings 文件（用“导出…”生成）。</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="227"/>
        <source>Restore Defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="228"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="229"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="231"/>
        <source>NewsML-G2_2.35-spec-All-Power.xsd (optional)</source>
        <translation>NewsML-G2_2.35-spec-All-Power.xsd（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="232"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="217"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="221"/>
        <source>Export schema:</source>
        <translation>导出校验模式：</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="220"/>
        <source>Autosave every:</source>
        <translation>自动保存间隔：</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="235"/>
        <source>The NewsML-G2 schema (by the IPTC, CC BY 4.0) is not bundled. When it is set, every export is validated against it.</source>
        <translation>本软件未附带 NewsML-G2 模式文件（IPTC 制定，CC BY 4.0）。指定后，每次导出都会用它校验。</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="252"/>
        <source>Import Rule Settings</source>
        <translation>导入规则设置</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="253"/>
        <location filename="../../widgets/preferences.py" line="263"/>
        <source>Rule settings (*.json)</source>
        <translation>规则设置 (*.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="259"/>
        <source>Cannot import the rule settings</source>
        <translation>无法导入规则设置</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="262"/>
        <source>Export Rule Settings</source>
        <translation>导出规则设置</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="269"/>
        <source>Cannot export the rule settings</source>
        <translation>无法导出规则设置</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="272"/>
        <source>NewsML-G2 schema</source>
        <translation>NewsML-G2 校验模式</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="273"/>
        <source>XML Schema (*.xsd)</source>
        <translation>XML 模式 (*.xsd)</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../widgets/preview_dialog.py" line="32"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../../widgets/preview_dialog.py" line="32"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <location filename="../../widgets/preview_dialog.py" line="32"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../widgets/preview_dialog.py" line="32"/>
        <source>Change</source>
        <translation>改动</translation>
    </message>
    <message>
        <location filename="../../widgets/preview_dialog.py" line="63"/>
        <source>Tick All</source>
        <translation>全部勾选</translation>
    </message>
    <message>
        <location filename="../../widgets/preview_dialog.py" line="64"/>
        <source>Untick All</source>
        <translation>全部取消</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/preview_dialog.py" line="91"/>
        <source>%n change(s), as one undo step:</source>
        <translation>
            <numerusform>%n 处改动，一步撤销：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <location filename="../../widgets/report_panel.py" line="87"/>
        <source>A long page: Refresh makes the report</source>
        <extracomment>Lines above and below the visible ones whose flags are underlined as well, so that scrolling a little needs no new extra selections. Rows shown a tab (the report is by count: the tail is words used once). Over this many characters the report (a part-of-speech cut of the whole page, in the window's thread) is made only when asked (Refresh), not after every edit.</extracomment>
        <translation>长版面：点“刷新”生成报告</translation>
    </message>
    <message>
        <location filename="../../widgets/report_panel.py" line="134"/>
        <source>“%1” is no longer on the page</source>
        <translation>“%1”已不在本版</translation>
    </message>
    <message>
        <location filename="../../widgets/report_panel.py" line="138"/>
        <source>“%1”: use %2 of %3</source>
        <translation>“%1”：第 %2 处，共 %3 处</translation>
    </message>
    <message>
        <location filename="../../widgets/report_panel.py" line="144"/>
        <source>Names (%1)</source>
        <translation>人名地名 (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/report_panel.py" line="144"/>
        <source>Variants (%1)</source>
        <translation>形近异写 (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/report_panel.py" line="144"/>
        <source>Words (%1)</source>
        <translation>词频 (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/report_panel.py" line="145"/>
        <source>的/地/得 (%1)</source>
        <translation>的/地/得 (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/report_panel.py" line="152"/>
        <location filename="../../widgets/report_panel.py" line="154"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../widgets/report_panel.py" line="152"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../widgets/report_panel.py" line="153"/>
        <source>Variants</source>
        <translation>异写</translation>
    </message>
    <message>
        <location filename="../../widgets/report_panel.py" line="153"/>
        <source>Differ</source>
        <translation>不同之处</translation>
    </message>
    <message>
        <location filename="../../widgets/report_panel.py" line="154"/>
        <source>Instead</source>
        <translation>应为</translation>
    </message>
    <message>
        <location filename="../../widgets/report_panel.py" line="155"/>
        <source>的/地/得 hints</source>
        <translation>的/地/得 提示</translation>
    </message>
    <message>
        <location filename="../../widgets/report_panel.py" line="156"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../widgets/report_panel.py" line="157"/>
        <source>Double-click a row (or press Enter) to go to its next use on the page</source>
        <translation>双击一行（或按回车）跳到它在版面上的下一处</translation>
    </message>
</context>
<context>
    <name>RulesTable</name>
    <message>
        <location filename="../../widgets/preferences.py" line="63"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="63"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="63"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/preferences.py" line="64"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <location filename="../../widgets/flags_model.py" line="18"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_model.py" line="18"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../widgets/flags_model.py" line="19"/>
        <source>Info</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../widgets/help.py" line="52"/>
        <source>Flags panel</source>
        <translation>问题面板</translation>
    </message>
    <message>
        <location filename="../../widgets/help.py" line="54"/>
        <source>Article tree</source>
        <translation>文章树</translation>
    </message>
    <message>
        <location filename="../../widgets/help.py" line="84"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../widgets/help.py" line="86"/>
        <source>Block editor</source>
        <translation>文字块编辑器</translation>
    </message>
    <message>
        <location filename="../../widgets/help.py" line="87"/>
        <source>Find bar</source>
        <translation>查找栏</translation>
    </message>
    <message>
        <location filename="../../widgets/help.py" line="88"/>
        <source>Apply the edited text</source>
        <translation>应用编辑后的文字</translation>
    </message>
    <message>
        <location filename="../../widgets/help.py" line="90"/>
        <source>Find next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <location filename="../../widgets/help.py" line="91"/>
        <source>Find previous</source>
        <translation>查找上一个</translation>
    </message>
    <message>
        <location filename="../../widgets/help.py" line="93"/>
        <source>Close the find bar</source>
        <translation>关闭查找栏</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../widgets/help.py" line="125"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../widgets/help.py" line="126"/>
        <source>Filter by action or key</source>
        <translation>按操作或按键筛选</translation>
    </message>
    <message>
        <location filename="../../widgets/help.py" line="127"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../widgets/help.py" line="127"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../widgets/help.py" line="127"/>
        <source>Where</source>
        <translation>范围</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../widgets/status_bar.py" line="61"/>
        <source>No page open</source>
        <extracomment>Bumped when a stored setting changes meaning; :meth:`Settings.upgrade` migrates.</extracomment>
        <translation>未打开稿件</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="63"/>
        <source>Encoding: %1</source>
        <translation>编码：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/status_bar.py" line="66"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/status_bar.py" line="67"/>
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%n 个段落</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="69"/>
        <source>Reviewed %1 of %2</source>
        <translation>已审 %1/%2</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="72"/>
        <source>Loading dictionary…</source>
        <translation>正在加载词典…</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="73"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="76"/>
        <source>Flags: pending</source>
        <translation>问题：检查中</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/status_bar.py" line="78"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/status_bar.py" line="79"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/status_bar.py" line="80"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 个提示</numerusform>
        </translation>
    </message>
</context>
</TS>