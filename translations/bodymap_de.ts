<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>Actions</name>
        <message>
            <source> size</source>
            <translation> Größe</translation>
        </message>
        <message>
            <source>&amp;About BodyMap</source>
            <translation>Ü&amp;ber BodyMap</translation>
        </message>
        <message>
            <source>&amp;Brush</source>
            <translation>&amp;Pinsel</translation>
        </message>
        <message>
            <source>&amp;Diary</source>
            <translation>&amp;Tagebuch</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>&amp;Eraser</source>
            <translation>Radier&amp;er</translation>
        </message>
        <message>
            <source>&amp;Export PNG…</source>
            <translation>Als PNG &amp;exportieren…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Fit to window</source>
            <translation>Ganz &amp;anzeigen</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;Mirror to the other side</source>
            <translation>Zur Gegenseite &amp;spiegeln</translation>
        </message>
        <message>
            <source>&amp;Muscles</source>
            <translation>&amp;Muskeln</translation>
        </message>
        <message>
            <source>&amp;New</source>
            <translation>&amp;Neu</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>Ö&amp;ffnen…</translation>
        </message>
        <message>
            <source>&amp;Panels</source>
            <translation>&amp;Bereiche</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>B&amp;eenden</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <source>&amp;Region</source>
            <translation>&amp;Region</translation>
        </message>
        <message>
            <source>&amp;Safety note</source>
            <translation>&amp;Sicherheitshinweis</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Speichern</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>&amp;Werkzeuge</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Rückgängig</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&lt;p&gt;Mark where your back hurts and see which muscles' referral patterns may explain it. A self-help guide, not a diagnosis.&lt;/p&gt;&lt;p&gt;Built on Qt and Qt for Python (PySide6), used under the GNU LGPL version 3, and other open-source components; their licences and notices are in the &lt;i&gt;licenses&lt;/i&gt; folder of the program ({folder}).&lt;/p&gt;</source>
            <translation>&lt;p&gt;Markieren Sie, wo Ihr Rücken schmerzt, und sehen Sie, welche Übertragungsmuster von Muskeln dazu passen könnten. Eine Anleitung zur Selbsthilfe, keine Diagnose.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt und Qt for Python (PySide6), genutzt unter der GNU LGPL Version 3, sowie weiteren Open-Source-Komponenten; deren Lizenzen und Hinweise liegen im Ordner &lt;i&gt;licenses&lt;/i&gt; des Programms ({folder}).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About BodyMap</source>
            <translation>Über BodyMap</translation>
        </message>
        <message>
            <source>Brush or eraser size</source>
            <translation>Größe von Pinsel oder Radierer</translation>
        </message>
        <message>
            <source>Brush or eraser size in body units ( [ and ] )</source>
            <translation>Größe von Pinsel oder Radierer in Körpereinheiten ( [ und ] )</translation>
        </message>
        <message>
            <source>C&amp;lear all</source>
            <translation>Alles &amp;löschen</translation>
        </message>
        <message>
            <source>Copy the marks to the patient's other side</source>
            <translation>Die Markierungen auf die andere Körperseite der Person übertragen</translation>
        </message>
        <message>
            <source>Find &amp;region…</source>
            <translation>&amp;Region suchen…</translation>
        </message>
        <message>
            <source>Larger brush</source>
            <translation>Größerer Pinsel</translation>
        </message>
        <message>
            <source>Less intense</source>
            <translation>Geringere Intensität</translation>
        </message>
        <message>
            <source>More intense</source>
            <translation>Höhere Intensität</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>&amp;Zuletzt geöffnet</translation>
        </message>
        <message>
            <source>Pain intensity</source>
            <translation>Schmerzintensität</translation>
        </message>
        <message>
            <source>Pain intensity 1 to 10, shown by colour: the scale is in the status bar ( , and . )</source>
            <translation>Schmerzintensität 1 bis 10, durch die Farbe dargestellt: die Skala steht in der Statusleiste ( , und . )</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Wiederholen</translation>
        </message>
        <message>
            <source>Redo (Ctrl+Shift+Z)</source>
            <translation>Wiederholen (Strg+Umschalt+Z)</translation>
        </message>
        <message>
            <source>Remove every mark (can be undone)</source>
            <translation>Alle Markierungen entfernen (lässt sich rückgängig machen)</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>Speichern &amp;unter…</translation>
        </message>
        <message>
            <source>Smaller brush</source>
            <translation>Kleinerer Pinsel</translation>
        </message>
        <message>
            <source>Tools</source>
            <translation>Werkzeuge</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Rückgängig</translation>
        </message>
        <message>
            <source>Undo the last change (Ctrl+Z)</source>
            <translation>Die letzte Änderung rückgängig machen (Strg+Z)</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>Ver&amp;größern</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>Ver&amp;kleinern</translation>
        </message>
        <message>
            <source>intensity </source>
            <translation>Intensität </translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Cannot start</source>
            <translation>Start nicht möglich</translation>
        </message>
        <message>
            <source>Texts shown in English</source>
            <translation>Texte auf Englisch</translation>
        </message>
        <message>
            <source>The body map's texts are shown in English: {problem}</source>
            <translation>Die Texte der Körperkarte werden auf Englisch angezeigt: {problem}</translation>
        </message>
    </context>
    <context>
        <name>Art</name>
        <message>
            <source>BACK</source>
            <translation>RÜCKSEITE</translation>
        </message>
        <message>
            <source>FRONT</source>
            <translation>VORDERSEITE</translation>
        </message>
        <message>
            <source>L</source>
            <translation>L</translation>
        </message>
        <message>
            <source>R</source>
            <translation>R</translation>
        </message>
        <message>
            <source>left</source>
            <translation>links</translation>
        </message>
        <message>
            <source>right</source>
            <translation>rechts</translation>
        </message>
    </context>
    <context>
        <name>Autosaver</name>
        <message>
            <source>Not autosaved: {cause}. Save your work to keep it.</source>
            <translation>Nicht automatisch gesichert: {cause}. Speichern Sie Ihre Arbeit, um sie zu behalten.</translation>
        </message>
    </context>
    <context>
        <name>Background</name>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Please wait</source>
            <translation>Bitte warten</translation>
        </message>
    </context>
    <context>
        <name>BodyView</name>
        <message>
            <source>1 painted stroke.</source>
            <translation>1 gemalter Strich.</translation>
        </message>
        <message>
            <source>Body map</source>
            <translation>Körperkarte</translation>
        </message>
        <message>
            <source>Marked regions: {regions}.</source>
            <translation>Markierte Regionen: {regions}.</translation>
        </message>
        <message>
            <source>No region marked.</source>
            <translation>Keine Region markiert.</translation>
        </message>
        <message>
            <source>Patterns that resemble the drawing: {names}.</source>
            <translation>Muster, die der Zeichnung ähneln: {names}.</translation>
        </message>
        <message>
            <source>{count} painted strokes.</source>
            <translation>{count} gemalte Striche.</translation>
        </message>
    </context>
    <context>
        <name>Checklist</name>
        <message>
            <source>Symptoms and &amp;Danger Signs…</source>
            <translation>Beschwerden und &amp;Warnzeichen…</translation>
        </message>
    </context>
    <context>
        <name>ChecklistController</name>
        <message>
            <source>Answer no</source>
            <translation>Mit Nein antworten</translation>
        </message>
        <message>
            <source>Answer yes</source>
            <translation>Mit Ja antworten</translation>
        </message>
    </context>
    <context>
        <name>ChecklistDialog</name>
        <message>
            <source>A yes puts a warning above the list and every self-help panel: see a clinician before any self-treatment.</source>
            <translation>Ein Ja setzt einen Warnhinweis über die Liste und über jede Anleitung zur Selbsthilfe: Lassen Sie sich untersuchen, bevor Sie sich selbst behandeln.</translation>
        </message>
        <message>
            <source>Answers may only swap muscles whose scores are close; they never add or remove one. Each move says which answer caused it.</source>
            <translation>Antworten dürfen nur Muskeln mit ähnlichem Wert vertauschen; sie fügen nie einen hinzu und entfernen nie einen. Jede Verschiebung nennt die Antwort, die sie bewirkt hat.</translation>
        </message>
        <message>
            <source>Danger signs: does any of these apply to you?</source>
            <translation>Warnzeichen: Trifft eines davon auf Sie zu?</translation>
        </message>
        <message>
            <source>Source: {source}</source>
            <translation>Quelle: {source}</translation>
        </message>
        <message>
            <source>Symptoms and danger signs</source>
            <translation>Beschwerden und Warnzeichen</translation>
        </message>
        <message>
            <source>Symptoms: tick what is true for you</source>
            <translation>Beschwerden: Kreuzen Sie an, was auf Sie zutrifft</translation>
        </message>
    </context>
    <context>
        <name>Compare</name>
        <message>
            <source>New {new}%, resolved {resolved}%, unchanged {unchanged}% of the body</source>
            <translation>Neu {new} %, abgeklungen {resolved} %, unverändert {unchanged} % des Körpers</translation>
        </message>
        <message>
            <source>Pain extent: {a}% → {b}% of the body</source>
            <translation>Schmerzausdehnung: {a} % → {b} % des Körpers</translation>
        </message>
        <message>
            <source>Pain score: {changes}</source>
            <translation>Schmerzstärke (NRS): {changes}</translation>
        </message>
        <message>
            <source>Patterns, rank (score) A → B:</source>
            <translation>Muster, Rang (Wert) A → B:</translation>
        </message>
        <message>
            <source>Same place (Jaccard index, 1 = identical): {jaccard}</source>
            <translation>Gleiche Stelle (Jaccard-Index, 1 = identisch): {jaccard}</translation>
        </message>
        <message>
            <source>none ranked</source>
            <translation>keines eingestuft</translation>
        </message>
        <message>
            <source>not given in both</source>
            <translation>nicht in beiden angegeben</translation>
        </message>
        <message>
            <source>not ranked</source>
            <translation>nicht eingestuft</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <source>Compare two entries</source>
            <translation>Zwei Einträge vergleichen</translation>
        </message>
        <message>
            <source>Entry {letter}</source>
            <translation>Eintrag {letter}</translation>
        </message>
        <message>
            <source>Entry {letter}:</source>
            <translation>Eintrag {letter}:</translation>
        </message>
        <message>
            <source>What changed</source>
            <translation>Was sich verändert hat</translation>
        </message>
    </context>
    <context>
        <name>Crash</name>
        <message>
            <source>Something went wrong</source>
            <translation>Etwas ist schiefgelaufen</translation>
        </message>
        <message>
            <source>The app keeps running; details are in {log}.</source>
            <translation>Das Programm läuft weiter; Einzelheiten stehen in {log}.</translation>
        </message>
        <message>
            <source>Unexpected error: {error}.</source>
            <translation>Unerwarteter Fehler: {error}.</translation>
        </message>
        <message>
            <source>Your work was autosaved.</source>
            <translation>Ihre Arbeit wurde automatisch gesichert.</translation>
        </message>
    </context>
    <context>
        <name>DangerBanner</name>
        <message>
            <source>See a clinician</source>
            <translation>Ärztlich abklären lassen</translation>
        </message>
        <message>
            <source>See a clinician now, before any self-help below.</source>
            <translation>Lassen Sie sich sofort untersuchen, vor jeder Selbsthilfe unten.</translation>
        </message>
        <message>
            <source>See a clinician soon, before any self-help below.</source>
            <translation>Lassen Sie sich bald untersuchen, vor jeder Selbsthilfe unten.</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <source>Could not be read, kept aside (open them with a newer version or the right regions file):</source>
            <translation>Nicht lesbar, beiseitegelegt (mit einer neueren Version oder der passenden Regionendatei öffnen):</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Verwerfen</translation>
        </message>
        <message>
            <source>Export PNG</source>
            <translation>Als PNG exportieren</translation>
        </message>
        <message>
            <source>Keep for later</source>
            <translation>Für später aufheben</translation>
        </message>
        <message>
            <source>Open session</source>
            <translation>Sitzung öffnen</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG-Bilder (*.png)</translation>
        </message>
        <message>
            <source>Pain map sessions (*.bodymap.json);;All files (*)</source>
            <translation>Schmerzkarten-Sitzungen (*.bodymap.json);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Replace files?</source>
            <translation>Dateien ersetzen?</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Wiederherstellen</translation>
        </message>
        <message>
            <source>Restore unsaved work?</source>
            <translation>Ungesicherte Arbeit wiederherstellen?</translation>
        </message>
        <message>
            <source>Save session</source>
            <translation>Sitzung speichern</translation>
        </message>
        <message>
            <source>Save the changes to {name} before closing it?</source>
            <translation>Änderungen an {name} vor dem Schließen speichern?</translation>
        </message>
        <message>
            <source>Seek urgent medical care if:</source>
            <translation>Suchen Sie umgehend ärztliche Hilfe, wenn Folgendes zutrifft:</translation>
        </message>
        <message>
            <source>The app did not close properly last time. Choose what to do with each piece of unsaved work it autosaved: each you restore opens in a window of its own, beside the session you asked to open. Work kept for later is offered again at the next start.</source>
            <translation>Das Programm wurde beim letzten Mal nicht ordnungsgemäß beendet. Wählen Sie für jede automatisch gesicherte, ungespeicherte Arbeit, was damit geschehen soll: Jede wiederhergestellte öffnet sich in einem eigenen Fenster neben der Sitzung, die Sie öffnen wollten. Für später Aufgehobenes wird beim nächsten Start erneut angeboten.</translation>
        </message>
        <message>
            <source>The app did not close properly last time. Choose what to do with each piece of unsaved work it autosaved: the first you restore opens here, any other in a window of its own. Work kept for later is offered again at the next start.</source>
            <translation>Das Programm wurde beim letzten Mal nicht ordnungsgemäß beendet. Wählen Sie für jede automatisch gesicherte, ungespeicherte Arbeit, was damit geschehen soll: Die erste wiederhergestellte öffnet sich hier, jede weitere in einem eigenen Fenster. Für später Aufgehobenes wird beim nächsten Start erneut angeboten.</translation>
        </message>
        <message>
            <source>The note continues on {count} more images, and {names} already exist. Replace them?</source>
            <translation>Die Notiz geht auf {count} weiteren Bildern weiter, und {names} gibt es schon. Ersetzen?</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Ungespeicherte Änderungen</translation>
        </message>
        <message>
            <source>What to do with the work autosaved {when}</source>
            <translation>Was mit der am {when} automatisch gesicherten Arbeit geschehen soll</translation>
        </message>
    </context>
    <context>
        <name>DiaryController</name>
        <message numerus="yes">
            <source>%n entries cannot be read:</source>
            <translation>
                <numerusform>%n Eintrag ist nicht lesbar:</numerusform>
                <numerusform>%n Einträge sind nicht lesbar:</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Compare Two Entries…</source>
            <translation>Zwei Einträge &amp;vergleichen…</translation>
        </message>
        <message>
            <source>&amp;Heat Map…</source>
            <translation>&amp;Häufigkeitskarte…</translation>
        </message>
        <message>
            <source>&amp;New Entry</source>
            <translation>&amp;Neuer Eintrag</translation>
        </message>
        <message>
            <source>&amp;Open Diary Folder…</source>
            <translation>Tagebuch-&amp;Ordner öffnen…</translation>
        </message>
        <message>
            <source>1 entry cannot be read:</source>
            <translation>1 Eintrag kann nicht gelesen werden:</translation>
        </message>
        <message>
            <source>Cannot add an entry</source>
            <translation>Eintrag kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>Cannot copy the last entry</source>
            <translation>Letzter Eintrag kann nicht übernommen werden</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>Vergleichen</translation>
        </message>
        <message>
            <source>Diary: {folder}</source>
            <translation>Tagebuch: {folder}</translation>
        </message>
        <message>
            <source>Heat map</source>
            <translation>Häufigkeitskarte</translation>
        </message>
        <message>
            <source>Measuring entries: %v of %m</source>
            <translation>Einträge werden ausgewertet: %v von %m</translation>
        </message>
        <message>
            <source>New Entry from the &amp;Last</source>
            <translation>Neuer Eintrag aus dem &amp;letzten</translation>
        </message>
        <message>
            <source>No entries in the range shown.</source>
            <translation>Im angezeigten Zeitraum gibt es keine Einträge.</translation>
        </message>
        <message>
            <source>Open a diary folder</source>
            <translation>Tagebuch-Ordner öffnen</translation>
        </message>
        <message>
            <source>The app's diary</source>
            <translation>Tagebuch des Programms</translation>
        </message>
        <message>
            <source>The diary needs two entries to compare.</source>
            <translation>Für einen Vergleich braucht das Tagebuch zwei Einträge.</translation>
        </message>
        <message>
            <source>Use the &amp;App's Diary</source>
            <translation>Tagebuch des &amp;Programms verwenden</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… und %n weiterer</numerusform>
                <numerusform>… und %n weitere</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DiaryDock</name>
        <message>
            <source>Change pain score</source>
            <translation>Schmerzstärke ändern</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>Jetzt</translation>
        </message>
        <message>
            <source>Usual (24 h)</source>
            <translation>Üblich (24 h)</translation>
        </message>
        <message>
            <source>Worst (24 h)</source>
            <translation>Stärkste (24 h)</translation>
        </message>
    </context>
    <context>
        <name>DiaryPanel</name>
        <message numerus="yes">
            <source>%n days</source>
            <translation>
                <numerusform>%n Tag</numerusform>
                <numerusform>%n Tage</numerusform>
            </translation>
        </message>
        <message>
            <source>A new entry starting from the last one, to adjust</source>
            <translation>Ein neuer Eintrag als Kopie des letzten, zum Anpassen</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Alle</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Copy last entry</source>
            <translation>Letzten Eintrag übernehmen</translation>
        </message>
        <message>
            <source>Measuring the diary's entries</source>
            <translation>Die Einträge des Tagebuchs werden ausgewertet</translation>
        </message>
        <message>
            <source>New entry</source>
            <translation>Neuer Eintrag</translation>
        </message>
        <message>
            <source>Pain score of the open entry (0-10)</source>
            <translation>Schmerzstärke des geöffneten Eintrags (0–10)</translation>
        </message>
        <message>
            <source>Stop measuring; what is measured is kept, the rest is measured next time</source>
            <translation>Auswertung anhalten; Ausgewertetes bleibt erhalten, der Rest wird beim nächsten Mal ausgewertet</translation>
        </message>
        <message>
            <source>What the pain feels like</source>
            <translation>Wie sich der Schmerz anfühlt</translation>
        </message>
    </context>
    <context>
        <name>Editor</name>
        <message>
            <source>(cancel the stroke)</source>
            <translation>(Strich abbrechen)</translation>
        </message>
        <message>
            <source>Clear all</source>
            <translation>Alles löschen</translation>
        </message>
        <message>
            <source>Erase</source>
            <translation>Radieren</translation>
        </message>
        <message>
            <source>Mark {region}</source>
            <translation>{region} markieren</translation>
        </message>
        <message>
            <source>Mirror to the other side</source>
            <translation>Zur Gegenseite spiegeln</translation>
        </message>
        <message>
            <source>Paint</source>
            <translation>Malen</translation>
        </message>
        <message>
            <source>Unmark {region}</source>
            <translation>Markierung aufheben: {region}</translation>
        </message>
        <message>
            <source>step</source>
            <translation>Schritt</translation>
        </message>
    </context>
    <context>
        <name>EntryList</name>
        <message>
            <source>Diary entries, newest first</source>
            <translation>Tagebucheinträge, neueste zuerst</translation>
        </message>
        <message>
            <source>Enter or double-click opens the entry</source>
            <translation>Eingabetaste oder Doppelklick öffnet den Eintrag</translation>
        </message>
        <message>
            <source>pain {0}/10</source>
            <translation>Schmerz {0}/10</translation>
        </message>
        <message>
            <source>{0:.1f}% of the body</source>
            <translation>{0:.1f} % des Körpers</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>%d %B %Y</source>
            <translation>%d.%m.%Y</translation>
        </message>
        <message>
            <source>%d %B %Y, %H:%M</source>
            <translation>%d.%m.%Y, %H:%M Uhr</translation>
        </message>
        <message>
            <source>1 entry</source>
            <translation>1 Eintrag</translation>
        </message>
        <message>
            <source>A danger sign answered yes needs a clinician soon, before any self-help.</source>
            <translation>Ein mit Ja beantwortetes Warnzeichen gehört bald in ärztliche Hände, vor jeder Selbsthilfe.</translation>
        </message>
        <message>
            <source>Also touches, but explains little of it: {names}.</source>
            <translation>Berührt auch, erklärt aber wenig davon: {names}.</translation>
        </message>
        <message>
            <source>Best pattern, score</source>
            <translation>Bestes Muster, Wert</translation>
        </message>
        <message>
            <source>Best patterns in the first entry: {patterns}.</source>
            <translation>Beste Muster im ersten Eintrag: {patterns}.</translation>
        </message>
        <message>
            <source>Best patterns in the last entry: {patterns}.</source>
            <translation>Beste Muster im letzten Eintrag: {patterns}.</translation>
        </message>
        <message>
            <source>Danger sign answered yes: {sign}.</source>
            <translation>Warnzeichen mit Ja beantwortet: {sign}.</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Diary of {count} entries, {first} to {last}. This page shows the newest entry, {date}; the timeline and the first entry against the last follow.</source>
            <translation>Tagebuch mit {count} Einträgen, {first} bis {last}. Diese Seite zeigt den neuesten Eintrag, {date}; der Zeitverlauf und der erste Eintrag im Vergleich zum letzten folgen.</translation>
        </message>
        <message>
            <source>Drawn on {date}</source>
            <translation>Gezeichnet am {date}</translation>
        </message>
        <message>
            <source>Entries ({count})</source>
            <translation>Einträge ({count})</translation>
        </message>
        <message>
            <source>Entries that could not be read ({count})</source>
            <translation>Einträge, die nicht gelesen werden konnten ({count})</translation>
        </message>
        <message>
            <source>Explains</source>
            <translation>Erklärt</translation>
        </message>
        <message>
            <source>Extent</source>
            <translation>Ausdehnung</translation>
        </message>
        <message>
            <source>First entry</source>
            <translation>Erster Eintrag</translation>
        </message>
        <message>
            <source>How often it hurt where</source>
            <translation>Wie oft es wo geschmerzt hat</translation>
        </message>
        <message>
            <source>Image {number} of {count}</source>
            <translation>Bild {number} von {count}</translation>
        </message>
        <message>
            <source>Last entry</source>
            <translation>Letzter Eintrag</translation>
        </message>
        <message>
            <source>Look at these first</source>
            <translation>Zuerst beachten</translation>
        </message>
        <message>
            <source>Matching muscles</source>
            <translation>Passende Muskeln</translation>
        </message>
        <message>
            <source>Measures</source>
            <translation>Messwerte</translation>
        </message>
        <message>
            <source>Muscle</source>
            <translation>Muskel</translation>
        </message>
        <message>
            <source>Muscle patterns that match, best first</source>
            <translation>Passende Muskelmuster, das beste zuerst</translation>
        </message>
        <message>
            <source>NRS now/usual/worst</source>
            <translation>NRS jetzt/üblich/stärkste</translation>
        </message>
        <message>
            <source>New pain {new}%, resolved {resolved}%, unchanged {unchanged}% of the body; same place (Jaccard index) {jaccard}.</source>
            <translation>Neuer Schmerz {new} %, abgeklungen {resolved} %, unverändert {unchanged} % des Körpers; gleiche Stelle (Jaccard-Index) {jaccard}.</translation>
        </message>
        <message>
            <source>No colour: never painful in these entries.</source>
            <translation>Keine Farbe: in diesen Einträgen nie schmerzhaft.</translation>
        </message>
        <message>
            <source>No note.</source>
            <translation>Keine Notiz.</translation>
        </message>
        <message>
            <source>No pain marked.</source>
            <translation>Kein Schmerz markiert.</translation>
        </message>
        <message>
            <source>No pattern explains {share} of the pain.</source>
            <translation>{share} des Schmerzes erklärt kein Muster.</translation>
        </message>
        <message>
            <source>No referral pattern explains a tenth of this pain or more.</source>
            <translation>Kein Übertragungsmuster erklärt ein Zehntel dieses Schmerzes oder mehr.</translation>
        </message>
        <message>
            <source>No referral pattern overlaps.</source>
            <translation>Kein Übertragungsmuster überschneidet sich.</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Notiz</translation>
        </message>
        <message>
            <source>Note (continued)</source>
            <translation>Notiz (Fortsetzung)</translation>
        </message>
        <message>
            <source>One entry in range: nothing to compare.</source>
            <translation>Ein Eintrag im Zeitraum: nichts zu vergleichen.</translation>
        </message>
        <message>
            <source>Other causes to consider (not muscles, not ranked)</source>
            <translation>Andere mögliche Ursachen (keine Muskeln, ohne Rangfolge)</translation>
        </message>
        <message>
            <source>Other causes to consider (not muscles, not ranked): {causes}.</source>
            <translation>Andere mögliche Ursachen (keine Muskeln, ohne Rangfolge): {causes}.</translation>
        </message>
        <message>
            <source>Page {number} of {count}</source>
            <translation>Seite {number} von {count}</translation>
        </message>
        <message>
            <source>Pain extent: {first}% of the body, then {last}%.</source>
            <translation>Schmerzausdehnung: {first} % des Körpers, dann {last} %.</translation>
        </message>
        <message>
            <source>Pain extent: {total}% of the body ({views})</source>
            <translation>Schmerzausdehnung: {total} % des Körpers ({views})</translation>
        </message>
        <message>
            <source>Pain intensity</source>
            <translation>Schmerzintensität</translation>
        </message>
        <message>
            <source>Pain intensity (1 mildest, 10 worst)</source>
            <translation>Schmerzintensität (1 am leichtesten, 10 am stärksten)</translation>
        </message>
        <message>
            <source>Pain map</source>
            <translation>Schmerzkarte</translation>
        </message>
        <message>
            <source>Pain report</source>
            <translation>Schmerzbericht</translation>
        </message>
        <message>
            <source>Pain report, diary</source>
            <translation>Schmerzbericht, Tagebuch</translation>
        </message>
        <message>
            <source>Pain score (NRS 0-10): not given</source>
            <translation>Schmerzstärke (NRS 0–10): nicht angegeben</translation>
        </message>
        <message>
            <source>Pain score (NRS 0-10): {scores}</source>
            <translation>Schmerzstärke (NRS 0–10): {scores}</translation>
        </message>
        <message>
            <source>Pain score change (NRS): {change}.</source>
            <translation>Änderung der Schmerzstärke (NRS): {change}.</translation>
        </message>
        <message>
            <source>Pattern</source>
            <translation>Muster</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>Regionen</translation>
        </message>
        <message>
            <source>Regions touched: {count}</source>
            <translation>Berührte Regionen: {count}</translation>
        </message>
        <message>
            <source>Said yes to: {items}.</source>
            <translation>Mit Ja beantwortet: {items}.</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Self-reported; educational, not a diagnosis.</source>
            <translation>Selbst angegeben; zur Information, keine Diagnose.</translation>
        </message>
        <message>
            <source>Share of the entries with pain at that spot</source>
            <translation>Anteil der Einträge mit Schmerz an dieser Stelle</translation>
        </message>
        <message>
            <source>Side</source>
            <translation>Seite</translation>
        </message>
        <message>
            <source>Strength</source>
            <translation>Stärke</translation>
        </message>
        <message>
            <source>The first entry against the last</source>
            <translation>Der erste Eintrag im Vergleich zum letzten</translation>
        </message>
        <message>
            <source>Timeline of the entries in range</source>
            <translation>Zeitverlauf der Einträge im Zeitraum</translation>
        </message>
        <message>
            <source>Warning: {warning}.</source>
            <translation>Warnung: {warning}.</translation>
        </message>
        <message>
            <source>What changed</source>
            <translation>Was sich geändert hat</translation>
        </message>
        <message>
            <source>What the pain feels like</source>
            <translation>Wie sich der Schmerz anfühlt</translation>
        </message>
        <message>
            <source>back</source>
            <translation>Rückseite</translation>
        </message>
        <message>
            <source>front</source>
            <translation>Vorderseite</translation>
        </message>
        <message>
            <source>left</source>
            <translation>links</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <source>not given in both</source>
            <translation>nicht in beiden angegeben</translation>
        </message>
        <message>
            <source>right</source>
            <translation>rechts</translation>
        </message>
        <message>
            <source>score {score} · {pain} of pain · {pattern} of pattern</source>
            <translation>Wert {score} · erklärt {pain} · {pattern} des Musters</translation>
        </message>
        <message>
            <source>{count} entries</source>
            <translation>{count} Einträge</translation>
        </message>
        <message>
            <source>{count}, {span}</source>
            <translation>{count}, {span}</translation>
        </message>
        <message>
            <source>{first} to {last}</source>
            <translation>{first} bis {last}</translation>
        </message>
        <message>
            <source>{name}: damaged, left out: {reason}</source>
            <translation>{name}: beschädigt, ausgelassen: {reason}</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Choose file…</source>
            <translation>Datei wählen…</translation>
        </message>
        <message>
            <source>Export PNG</source>
            <translation>Als PNG exportieren</translation>
        </message>
        <message>
            <source>Image size</source>
            <translation>Bildgröße</translation>
        </message>
        <message>
            <source>The image shows both views with your marks and the highlighted patterns, the intensity scale, the ranked muscles with their percentages, the date and your note. Nothing is sent anywhere: you choose where the file goes next.</source>
            <translation>Das Bild zeigt beide Ansichten mit Ihren Markierungen und den hervorgehobenen Mustern, die Intensitätsskala, die eingestuften Muskeln mit ihren Prozentwerten, das Datum und Ihre Notiz. Nichts wird versendet: Sie entscheiden, wohin die Datei anschließend geht.</translation>
        </message>
        <message>
            <source>for a detailed print</source>
            <translation>für einen detaillierten Ausdruck</translation>
        </message>
        <message>
            <source>for a large print or zooming in</source>
            <translation>für einen großen Ausdruck oder zum Vergrößern</translation>
        </message>
        <message>
            <source>for the screen or a message</source>
            <translation>für den Bildschirm oder eine Nachricht</translation>
        </message>
        <message>
            <source>sharp on any screen, good on paper</source>
            <translation>scharf auf jedem Bildschirm, gut auf Papier</translation>
        </message>
        <message>
            <source>{scale}×: {width} × {height} pixels, {dpi} dpi on A4 ({use})</source>
            <translation>{scale}×: {width} × {height} Pixel, {dpi} dpi auf A4 ({use})</translation>
        </message>
    </context>
    <context>
        <name>FileController</name>
        <message>
            <source>; the note continues in {names}</source>
            <translation>; die Notiz geht weiter in {names}</translation>
        </message>
        <message>
            <source>Autosaved work set aside</source>
            <translation>Automatisch gesicherte Arbeit beiseitegelegt</translation>
        </message>
        <message>
            <source>Cannot open the session</source>
            <translation>Sitzung kann nicht geöffnet werden</translation>
        </message>
        <message>
            <source>Could not export</source>
            <translation>Export nicht möglich</translation>
        </message>
        <message>
            <source>Could not look for autosaved work: {error}</source>
            <translation>Suche nach automatisch gesicherter Arbeit nicht möglich: {error}</translation>
        </message>
        <message>
            <source>Could not save</source>
            <translation>Speichern nicht möglich</translation>
        </message>
        <message>
            <source>Exported {name} ({width} × {height} pixels)</source>
            <translation>{name} exportiert ({width} × {height} Pixel)</translation>
        </message>
        <message>
            <source>File changed on disk</source>
            <translation>Datei auf dem Datenträger geändert</translation>
        </message>
        <message>
            <source>Opening {name} cancelled.</source>
            <translation>Öffnen von {name} abgebrochen.</translation>
        </message>
        <message>
            <source>Opening {name}…</source>
            <translation>{name} wird geöffnet…</translation>
        </message>
        <message>
            <source>Replace Them</source>
            <translation>Änderungen ersetzen</translation>
        </message>
        <message>
            <source>Save As…</source>
            <translation>Speichern unter…</translation>
        </message>
        <message>
            <source>Saved {where}</source>
            <translation>{where} gespeichert</translation>
        </message>
        <message>
            <source>Session opened</source>
            <translation>Sitzung geöffnet</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Unbenannt</translation>
        </message>
        <message>
            <source>{name} (the file it links to, {target})</source>
            <translation>{name} (die verknüpfte Datei, {target})</translation>
        </message>
        <message>
            <source>{name} has been changed by another window or program since this window opened or saved it. Saving here replaces those changes.</source>
            <translation>{name} wurde von einem anderen Fenster oder Programm geändert, seit dieses Fenster die Datei geöffnet oder gespeichert hat. Wenn Sie hier speichern, werden diese Änderungen ersetzt.</translation>
        </message>
    </context>
    <context>
        <name>HeatMapDialog</name>
        <message>
            <source>Could not save the heat map</source>
            <translation>Häufigkeitskarte kann nicht gespeichert werden</translation>
        </message>
        <message>
            <source>Heat map</source>
            <translation>Häufigkeitskarte</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG-Bilder (*.png)</translation>
        </message>
        <message>
            <source>Save as PNG…</source>
            <translation>Als PNG speichern…</translation>
        </message>
        <message>
            <source>Save the heat map</source>
            <translation>Häufigkeitskarte speichern</translation>
        </message>
    </context>
    <context>
        <name>IntensityLegend</name>
        <message>
            <source>Pain intensity 1 (mildest, orange) to 10 (worst, darkest plum); colours by level: {levels}</source>
            <translation>Schmerzintensität 1 (am schwächsten, orange) bis 10 (am stärksten, dunkelstes Pflaumenrot); Farben je Stufe: {levels}</translation>
        </message>
        <message>
            <source>Pain intensity colours</source>
            <translation>Farben der Schmerzintensität</translation>
        </message>
        <message>
            <source>Pain intensity colours, 1 (mildest) to 10 (worst): click one to paint with it</source>
            <translation>Farben der Schmerzintensität, 1 (am schwächsten) bis 10 (am stärksten): zum Malen mit einer Stufe anklicken</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Sprache</translation>
        </message>
        <message>
            <source>BodyMap will use {language} from the next start. Close it and start it again.</source>
            <translation>BodyMap verwendet ab dem nächsten Start {language}. Schließen Sie das Programm und starten Sie es erneut.</translation>
        </message>
        <message>
            <source>Cannot change the language</source>
            <translation>Sprache kann nicht gewechselt werden</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <source>System ({language})</source>
            <translation>System ({language})</translation>
        </message>
        <message>
            <source>{language}: the undo history starts afresh.</source>
            <translation>{language}: Der Verlauf zum Rückgängigmachen beginnt neu.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>A note for this session: when it started, what helps…</source>
            <translation>Eine Notiz zu dieser Sitzung: seit wann, was hilft…</translation>
        </message>
        <message>
            <source>Brush (size {size}, intensity {intensity}): drag to paint where it hurts.</source>
            <translation>Pinsel (Größe {size}, Intensität {intensity}): Ziehen Sie über die schmerzenden Stellen.</translation>
        </message>
        <message>
            <source>Diary</source>
            <translation>Tagebuch</translation>
        </message>
        <message>
            <source>Eraser (size {size}): drag over painted pain to remove it.</source>
            <translation>Radierer (Größe {size}): Ziehen Sie über gemalten Schmerz, um ihn zu entfernen.</translation>
        </message>
        <message>
            <source>Loading the body map…</source>
            <translation>Körperkarte wird geladen…</translation>
        </message>
        <message>
            <source>Matches</source>
            <translation>Treffer</translation>
        </message>
        <message>
            <source>Muscle guide</source>
            <translation>Ratgeber</translation>
        </message>
        <message>
            <source>Not added: {why}.</source>
            <translation>Nicht hinzugefügt: {why}.</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Notiz</translation>
        </message>
        <message>
            <source>Nothing to mirror: mark pain on one side first.</source>
            <translation>Nichts zu spiegeln: Markieren Sie zuerst Schmerz auf einer Seite.</translation>
        </message>
        <message>
            <source>Region: click a part of the body to mark it as painful; click again to unmark.</source>
            <translation>Region: Klicken Sie auf einen Körperteil, um ihn als schmerzhaft zu markieren; ein weiterer Klick hebt die Markierung auf.</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>Regionen</translation>
        </message>
        <message>
            <source>Session note</source>
            <translation>Notiz zur Sitzung</translation>
        </message>
        <message>
            <source>click to mark</source>
            <translation>zum Markieren klicken</translation>
        </message>
        <message>
            <source>marked</source>
            <translation>markiert</translation>
        </message>
    </context>
    <context>
        <name>MatchList</name>
        <message>
            <source>&lt;b&gt;Other causes to consider&lt;/b&gt; (not muscles, not ranked): {causes}.</source>
            <translation>&lt;b&gt;Andere mögliche Ursachen&lt;/b&gt; (keine Muskeln, nicht eingestuft): {causes}.</translation>
        </message>
        <message>
            <source>Also touches, but explains little of it: {names}.</source>
            <translation>Berührt außerdem, erklärt aber wenig davon: {names}.</translation>
        </message>
        <message>
            <source>Explains</source>
            <translation>Erklärt</translation>
        </message>
        <message>
            <source>Mark where it hurts to see which muscles may refer pain there.</source>
            <translation>Markieren Sie, wo es schmerzt, um zu sehen, welche Muskeln Schmerz dorthin übertragen können.</translation>
        </message>
        <message>
            <source>Matching muscles</source>
            <translation>Passende Muskeln</translation>
        </message>
        <message>
            <source>Muscle</source>
            <translation>Muskel</translation>
        </message>
        <message>
            <source>No pattern explains &lt;b&gt;{share}&lt;/b&gt; of the pain.</source>
            <translation>&lt;b&gt;{share}&lt;/b&gt; des Schmerzes erklärt kein Muster.</translation>
        </message>
        <message>
            <source>No referral pattern in the guide explains a tenth of this pain or more.</source>
            <translation>Kein Übertragungsmuster des Ratgebers erklärt ein Zehntel dieses Schmerzes oder mehr.</translation>
        </message>
        <message>
            <source>Pattern</source>
            <translation>Muster</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Side</source>
            <translation>Seite</translation>
        </message>
        <message>
            <source>Strength</source>
            <translation>Stärke</translation>
        </message>
        <message>
            <source>Strength: how closely the pain resembles the pattern, in words.
Score: how well the pattern fits the pain (0 to 1).
Explains: share of your pain inside this pattern.
Pattern: share of this pattern that you marked.</source>
            <translation>Stärke: wie sehr der Schmerz dem Muster gleicht, in Worten.
Wert: wie gut das Muster zum Schmerz passt (0 bis 1).
Erklärt: Anteil Ihres Schmerzes innerhalb dieses Musters.
Muster: Anteil dieses Musters, den Sie markiert haben.</translation>
        </message>
        <message>
            <source>Symptoms and danger signs…</source>
            <translation>Beschwerden und Warnzeichen…</translation>
        </message>
        <message>
            <source>Warnings and other causes ({count})</source>
            <translation>Warnhinweise und andere Ursachen ({count})</translation>
        </message>
        <message>
            <source>Warnings and other causes to consider</source>
            <translation>Warnhinweise und andere mögliche Ursachen</translation>
        </message>
        <message>
            <source>refers pain</source>
            <translation>strahlt Schmerz aus</translation>
        </message>
        <message>
            <source>trigger point</source>
            <translation>Triggerpunkt</translation>
        </message>
        <message>
            <source>where it lies</source>
            <translation>wo er liegt</translation>
        </message>
    </context>
    <context>
        <name>MusclePanels</name>
        <message>
            <source>Guide</source>
            <translation>Ratgeber</translation>
        </message>
        <message>
            <source>Match #{rank}: {side} side, score {score}, explains {share} of the pain.</source>
            <translation>Treffer Nr. {rank}: Seite {side}, Wert {score}, erklärt {share} des Schmerzes.</translation>
        </message>
        <message>
            <source>Muscle guide</source>
            <translation>Muskelratgeber</translation>
        </message>
        <message>
            <source>Muscles that may explain your pain open here.
Mark where it hurts, or pick one from the Muscles menu.</source>
            <translation>Muskeln, die Ihren Schmerz erklären könnten, erscheinen hier.
Markieren Sie, wo es schmerzt, oder wählen Sie einen im Menü Muskeln.</translation>
        </message>
    </context>
    <context>
        <name>Panels</name>
        <message>
            <source>Anatomy</source>
            <translation>Anatomie</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>Ursprung und Ansatz</translation>
        </message>
        <message>
            <source>Caution: {text}</source>
            <translation>Vorsicht: {text}</translation>
        </message>
        <message>
            <source>Function</source>
            <translation>Funktion</translation>
        </message>
        <message>
            <source>Made worse by</source>
            <translation>Verstärkt durch</translation>
        </message>
        <message>
            <source>Massage</source>
            <translation>Massage</translation>
        </message>
        <message>
            <source>Nerve</source>
            <translation>Innervation</translation>
        </message>
        <message>
            <source>Pain pattern</source>
            <translation>Schmerzmuster</translation>
        </message>
        <message>
            <source>Relief</source>
            <translation>Linderung</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Quellen</translation>
        </message>
        <message>
            <source>Strengthen</source>
            <translation>Kräftigen</translation>
        </message>
        <message>
            <source>Stretch</source>
            <translation>Dehnen</translation>
        </message>
        <message>
            <source>Symptoms</source>
            <translation>Beschwerden</translation>
        </message>
        <message>
            <source>When to see a clinician</source>
            <translation>Wann Sie ärztlichen oder physiotherapeutischen Rat einholen sollten</translation>
        </message>
    </context>
    <context>
        <name>QualityOverlay</name>
        <message>
            <source>Pain quality: {quality}</source>
            <translation>Schmerzqualität: {quality}</translation>
        </message>
        <message>
            <source>not said</source>
            <translation>nicht angegeben</translation>
        </message>
    </context>
    <context>
        <name>QualityPicker</name>
        <message>
            <source>On the map:</source>
            <translation>Auf der Karte:</translation>
        </message>
        <message>
            <source>Pain quality of the last mark</source>
            <translation>Schmerzqualität der letzten Markierung</translation>
        </message>
        <message>
            <source>Quality of the last mark:</source>
            <translation>Qualität der letzten Markierung:</translation>
        </message>
        <message>
            <source>not said</source>
            <translation>nicht angegeben</translation>
        </message>
    </context>
    <context>
        <name>Recovery</name>
        <message>
            <source>1 mark</source>
            <translation>1 Markierung</translation>
        </message>
        <message>
            <source>from {name}</source>
            <translation>aus {name}</translation>
        </message>
        <message>
            <source>left in place</source>
            <translation>an Ort und Stelle belassen</translation>
        </message>
        <message>
            <source>moved to {folder}</source>
            <translation>verschoben nach {folder}</translation>
        </message>
        <message>
            <source>never saved</source>
            <translation>nie gespeichert</translation>
        </message>
        <message>
            <source>note “{text}”</source>
            <translation>Notiz „{text}“</translation>
        </message>
        <message>
            <source>{count} marks</source>
            <translation>{count} Markierungen</translation>
        </message>
    </context>
    <context>
        <name>RegionList</name>
        <message>
            <source>Regions</source>
            <translation>Regionen</translation>
        </message>
        <message>
            <source>Search regions</source>
            <translation>Regionen suchen</translation>
        </message>
        <message>
            <source>Search regions…</source>
            <translation>Regionen suchen…</translation>
        </message>
    </context>
    <context>
        <name>ReportActions</name>
        <message>
            <source>Choose file…</source>
            <translation>Datei wählen…</translation>
        </message>
        <message>
            <source>Export PDF report</source>
            <translation>PDF-Bericht exportieren</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF-Dokumente (*.pdf)</translation>
        </message>
        <message>
            <source>Paper size</source>
            <translation>Papierformat</translation>
        </message>
        <message>
            <source>Paper size:</source>
            <translation>Papierformat:</translation>
        </message>
        <message>
            <source>Print report</source>
            <translation>Bericht drucken</translation>
        </message>
        <message>
            <source>The report shows both views with your marks, what the pain feels like, the matching muscle patterns, your pain score and your whole note, for a clinician to read. Nothing is sent anywhere.</source>
            <translation>Der Bericht zeigt beide Ansichten mit Ihren Markierungen, wie sich der Schmerz anfühlt, die passenden Muskelmuster, Ihre Schmerzstärke und Ihre ganze Notiz, zum Lesen für Ärztin oder Therapeut. Nichts wird irgendwohin gesendet.</translation>
        </message>
    </context>
    <context>
        <name>ReportController</name>
        <message>
            <source>&amp;Print Report…</source>
            <translation>Bericht druc&amp;ken…</translation>
        </message>
        <message>
            <source>Could not export the report</source>
            <translation>Bericht konnte nicht exportiert werden</translation>
        </message>
        <message>
            <source>Could not print the report</source>
            <translation>Bericht konnte nicht gedruckt werden</translation>
        </message>
        <message>
            <source>Export P&amp;DF Report…</source>
            <translation>P&amp;DF-Bericht exportieren…</translation>
        </message>
        <message>
            <source>Exported {name} ({pages} pages, {size})</source>
            <translation>{name} exportiert ({pages} Seiten, {size})</translation>
        </message>
        <message>
            <source>Pain report</source>
            <translation>Schmerzbericht</translation>
        </message>
        <message>
            <source>Print the report for a clinician</source>
            <translation>Den Bericht für Ärztin oder Therapeut drucken</translation>
        </message>
        <message>
            <source>Sent {pages} pages to the printer</source>
            <translation>{pages} Seiten an den Drucker gesendet</translation>
        </message>
        <message>
            <source>Write the report for a clinician as a PDF</source>
            <translation>Den Bericht für Ärztin oder Therapeut als PDF schreiben</translation>
        </message>
    </context>
    <context>
        <name>ScoreInput</name>
        <message>
            <source>0 no pain, 10 the worst pain imaginable</source>
            <translation>0 kein Schmerz, 10 der stärkste vorstellbare Schmerz</translation>
        </message>
        <message>
            <source>Pain score {which}, 0 to 10</source>
            <translation>Schmerzstärke {which}, 0 bis 10</translation>
        </message>
    </context>
    <context>
        <name>Timeline</name>
        <message>
            <source>(made at {time} UTC{offset})</source>
            <translation>(erstellt um {time} UTC{offset})</translation>
        </message>
        <message>
            <source>Best pattern score: {score}</source>
            <translation>Bester Musterwert: {score}</translation>
        </message>
        <message>
            <source>Diary timeline</source>
            <translation>Zeitverlauf des Tagebuchs</translation>
        </message>
        <message>
            <source>No diary entries yet.</source>
            <translation>Noch keine Tagebucheinträge.</translation>
        </message>
        <message>
            <source>No entries in this range.</source>
            <translation>Keine Einträge in diesem Zeitraum.</translation>
        </message>
        <message>
            <source>Pain extent: {extent}% of the body</source>
            <translation>Schmerzausdehnung: {extent} % des Körpers</translation>
        </message>
        <message>
            <source>Pain score (NRS 0-10): ● now, bar from usual to worst</source>
            <translation>Schmerzstärke (NRS 0–10): ● jetzt, Balken von üblich bis stärkste</translation>
        </message>
        <message>
            <source>Pain score: {scores}</source>
            <translation>Schmerzstärke: {scores}</translation>
        </message>
        <message>
            <source>■ pain extent (% of body)   ▲ best pattern score (0-1)</source>
            <translation>■ Schmerzausdehnung (% des Körpers)   ▲ bester Musterwert (0–1)</translation>
        </message>
    </context>
    <context>
        <name>Words</name>
        <message>
            <source>Aching</source>
            <translation>Dumpf, ziehend</translation>
        </message>
        <message>
            <source>Burning</source>
            <translation>Brennend</translation>
        </message>
        <message>
            <source>Cramping</source>
            <translation>Krampfartig</translation>
        </message>
        <message>
            <source>New pain</source>
            <translation>Neuer Schmerz</translation>
        </message>
        <message>
            <source>Numbness</source>
            <translation>Taubheit</translation>
        </message>
        <message>
            <source>Resolved (gone)</source>
            <translation>Abgeklungen (weg)</translation>
        </message>
        <message>
            <source>Stabbing, sharp</source>
            <translation>Stechend, scharf</translation>
        </message>
        <message>
            <source>Throbbing</source>
            <translation>Pochend</translation>
        </message>
        <message>
            <source>Tingling, pins and needles</source>
            <translation>Kribbeln, Ameisenlaufen</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>Unverändert</translation>
        </message>
        <message>
            <source>a map may hold at most {count} marks</source>
            <translation>eine Karte fasst höchstens {count} Markierungen</translation>
        </message>
        <message>
            <source>a map may hold at most {count} stroke points in all</source>
            <translation>eine Karte fasst insgesamt höchstens {count} Strichpunkte</translation>
        </message>
        <message>
            <source>left</source>
            <translation>links</translation>
        </message>
        <message>
            <source>midline</source>
            <translation>Mitte</translation>
        </message>
        <message>
            <source>moderate</source>
            <translation>mittel</translation>
        </message>
        <message>
            <source>now</source>
            <translation>jetzt</translation>
        </message>
        <message>
            <source>right</source>
            <translation>rechts</translation>
        </message>
        <message>
            <source>strong</source>
            <translation>stark</translation>
        </message>
        <message>
            <source>usual</source>
            <translation>üblich</translation>
        </message>
        <message>
            <source>weak</source>
            <translation>schwach</translation>
        </message>
        <message>
            <source>worst</source>
            <translation>stärkste</translation>
        </message>
        <message>
            <source>{first} and {second}</source>
            <translation>{first} und {second}</translation>
        </message>
    </context>
</TS>
