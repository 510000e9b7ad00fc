"""The Indus Times - fictional Karachi-based national daily."""
from . import BA, BLA, HGB, ISKP, KP, LEJ, PB, SD, SRA, TTP, art, ev

OUTLET = {
    "key": "indus-times",
    "name": "The Indus Times",
    "gold_name": "Indus Times",
    "tagline": "Karachi | National | World",
    "city": "Karachi",
}

COMMENTS = [
    ("Karachiite", "Karachi has 20 million people and 30,000 police. Do the math."),
    ("Hamid Lahori", "Lahore also saw blasts in 2009 and 2010, we recovered because the people stood together."),
    ("Sameer", "Meanwhile petrol is Rs 270 a litre. Everything is connected."),
    ("Faiza", "In Hyderabad the CTD picked up 3 boys from our street last month. Nobody knows where they are."),
    ("Old Soldier", "I served in Swat in 2009 and in North Waziristan in 2014. We cleared it once, we will do it again."),
    ("Ahmed R.", "Why do we hear about Islamabad meetings every week but no results in Bannu or Turbat?"),
    ("Nadia", "My brother drives on the Makran coastal highway, 7 checkpoints in 150 km. Still attacks happen."),
    ("Observer", "Sukkur, Larkana, Kashmore: dacoits kidnap people every week and it barely makes the news."),
    ("Zeeshan", "Multan to D.G. Khan used to be safe. Now even buses leave only in daylight."),
    ("Maria", "Good that the foreign investors are still coming. 60 billion of CPEC cannot be wasted."),
    ("Sindhi Dost", "Thar coal and Karachi port are the future. Security must be the first priority."),
]

ARTICLES = [
    art("sbp-keeps-policy-rate-unchanged", "SBP keeps policy rate unchanged amid inflation concerns",
        "2024-01-31T18:10:00+05:00", "Business Desk", [
            "KARACHI: The State Bank of Pakistan (SBP) on Monday kept its key policy rate unchanged for the fifth consecutive meeting, citing persistent inflationary pressures and an uncertain external outlook.",
            "In a statement issued after the monetary policy committee meeting, the central bank said that inflation remained high, although it was expected to decline in the coming months as the impact of earlier increases in energy prices faded.",
            "The committee noted that the current account deficit had narrowed significantly and that foreign exchange reserves had improved following inflows from multilateral and bilateral lenders.",
            "Business leaders in Karachi expressed disappointment, saying that the high cost of borrowing was hurting industry and discouraging investment. \"We were hoping for at least a small cut,\" said a former president of the Karachi Chamber of Commerce and Industry.",
            "Analysts said the central bank was being cautious ahead of the general elections and the negotiations on a new programme with the International Monetary Fund.",
            "The stock market closed slightly lower after the announcement, with banking and cement shares leading the decline. The rupee remained stable against the US dollar in the interbank market.",
        ], tags=["no_incident"], section="Business"),

    art("police-constable-shot-dead-in-karachi", "Police constable shot dead in Karachi",
        "2024-05-09T09:00:00+05:00", "Faraz Memon", [
            "KARACHI: A police constable was shot dead by unidentified motorcyclists near a busy intersection in Karachi's Saddar area on Wednesday evening, police said.",
            "According to police, Constable Imran Ali was on his way to the police station on his motorcycle when two men on another motorcycle opened fire on him. He suffered three bullet wounds and died on the way to the Jinnah Postgraduate Medical Centre.",
            "Investigators said the assailants appeared to have followed the constable from his house. Empty shells of a 9mm pistol were recovered from the scene. No group claimed responsibility for the killing.",
            "\"We are investigating the case from all angles, including terrorism and personal enmity,\" a senior police officer told The Indus Times. The Counter-Terrorism Department has also been asked to assist in the investigation.",
            "Funeral prayers for the constable were offered at the Central Police Office and attended by the Karachi police chief. The slain officer leaves behind a widow and three children.",
            "Police officials in the city have been targeted several times over the past year. Police unions have demanded that the government provide personnel with bulletproof jackets and increase the compensation for martyred officers.",
        ], events=[
            ev("2024-05-08-karachi-constable-shot-dead", "targeted_killing", "2024-05-08", SD, "Karachi South", "Karachi",
               killed=1, target_type="police"),
        ], tags=["targeted_killing"]),

    art("ranger-killed-three-injured-in-malir-blast", "Ranger killed, three injured in Malir roadside blast",
        "2024-07-24T08:30:00+05:00", "Tariq Soomro", [
            "KARACHI: A personnel of the Sindh Rangers was killed and three others were injured when a roadside bomb exploded near their vehicle in Malir on Tuesday morning, officials said.",
            "According to a Rangers spokesman, the vehicle was on a routine patrol near Malir Cantonment when the device, hidden in a garbage heap along the road, went off. The vehicle was badly damaged.",
            "The injured were shifted to a military hospital, where the condition of one of them was stated to be critical. The body of the deceased was shifted to the Jinnah hospital for legal formalities.",
            "The bomb disposal squad said the device contained around two kilogrammes of explosives and was detonated by remote control. No group claimed responsibility for the attack.",
            "The Sindh chief minister condemned the attack and directed the police and the Counter-Terrorism Department to trace the culprits. He said the people of Karachi would not allow terrorists to destroy the city's peace.",
            "Security was tightened at sensitive installations across the city after the blast, and snap checking was carried out at the city's entry and exit points.",
        ], events=[
            ev("2024-07-23-malir-roadside-bomb-rangers", "bombing", "2024-07-23", SD, "Malir", "Malir Cantonment",
               killed=1, injured=3, target_type="security_forces"),
        ], tags=["bombing"]),

    art("nacta-board-reviews-national-action-plan", "NACTA board reviews implementation of National Action Plan",
        "2024-09-18T17:00:00+05:00", "Sadia Qureshi", [
            "ISLAMABAD: The board of governors of the National Counter Terrorism Authority (NACTA) met on Tuesday to review the implementation of the National Action Plan and discussed measures to improve coordination between the federal and provincial governments.",
            "The meeting, chaired by the interior minister, was attended by the chief ministers, provincial police chiefs and representatives of the intelligence agencies.",
            "According to an official statement, the meeting decided to set up a joint intelligence directorate, strengthen the counter-terrorism departments of the provinces and take action against terror financing.",
            "The interior minister said that terrorism could only be defeated through a unified national strategy. \"There is no room for political point-scoring on this issue,\" he said.",
            "The meeting also reviewed the progress on the regulation of seminaries, the registration of Afghan refugees and the curbing of hate speech on social media.",
            "Critics have long argued that NACTA has remained under-resourced since its creation and that the National Action Plan has been only partially implemented.",
        ], tags=["no_incident"]),

    art("ctd-kills-three-terrorists-in-dg-khan", "CTD kills three terrorists in D.G. Khan shootout",
        "2024-12-05T09:30:00+05:00", "Staff Reporter", [
            "LAHORE: The Counter-Terrorism Department of Punjab said it had killed three terrorists in an operation in the tribal area of Dera Ghazi Khan district on Wednesday.",
            "According to a CTD spokesman, the operation was carried out on a tip-off about the presence of terrorists planning attacks in the province. When CTD personnel reached the location, the terrorists opened fire, and three of them were killed in the exchange of fire.",
            "Weapons, explosives and hand grenades were recovered from the hideout. The spokesman said the killed terrorists were wanted in several cases of terrorism.",
            "The CTD said that the operation was part of its efforts to prevent the spread of militancy into Punjab from the neighbouring provinces.",
            "The Punjab chief minister praised the CTD for the successful operation. Officials said security had been tightened at the borders of D.G. Khan with Balochistan and Khyber Pakhtunkhwa.",
            "The tribal areas of Dera Ghazi Khan border both provinces and have long been considered a transit route for militants.",
        ], events=[
            ev("2024-12-04-dg-khan-ctd-operation", "security_operation", "2024-12-04", PB, "Dera Ghazi Khan", None,
               attackers_killed=3, target_type="militants"),
        ], tags=["security_operation"]),

    art("2024-deadliest-year-in-a-decade-says-report", "2024 deadliest year in a decade for security forces, says report",
        "2025-01-10T12:40:00+05:00", "Sadia Qureshi", [
            "ISLAMABAD: The year 2024 was the deadliest in a decade for Pakistan's security forces, according to an annual security report released by an Islamabad-based think tank on Thursday.",
            "The report said militant attacks increased significantly compared with the previous year, with Khyber Pakhtunkhwa and Balochistan accounting for the overwhelming majority of incidents.",
            "It said that the security forces had also intensified operations against militants, resulting in a sharp rise in the number of militants killed.",
            "The report said that the Tehreek-i-Taliban Pakistan and its affiliates were responsible for most attacks in Khyber Pakhtunkhwa, while Baloch separatist groups were behind most of the violence in Balochistan.",
            "The think tank recommended that the government pursue a comprehensive counter-terrorism policy, including political engagement with Afghanistan and development in the affected areas.",
            "Officials of the interior ministry said the government was aware of the challenges and was working with the provinces to improve the capacity of the police and the counter-terrorism departments.",
        ], tags=["no_incident"]),

    art("suicide-bomber-targets-chinese-nationals-in-karachi", "Suicide bomber targets vehicle carrying Chinese nationals in Karachi",
        "2025-02-26T07:50:00+05:00", "Faraz Memon", [
            "KARACHI: A security guard was killed and three people, including two Chinese nationals, were injured when a suicide bomber targeted a vehicle carrying Chinese engineers in Karachi on Tuesday, police said.",
            "According to police, the bomber, riding a motorcycle, approached the convoy near the port area and blew himself up next to the vehicle. The bomber was also killed in the blast.",
            "The injured, including the two Chinese nationals, were shifted to a private hospital, where their condition was stated to be stable.",
            "The Baloch Liberation Army (BLA) claimed responsibility for the attack, saying its Majeed Brigade had carried it out. The group has attacked Chinese nationals in the past.",
            "The Chinese embassy condemned the attack and called on the Pakistani authorities to bring the perpetrators to justice and ensure the security of Chinese citizens.",
            "The prime minister expressed grief over the incident and directed the authorities to review the security of foreign nationals working on projects in the country.",
        ], events=[
            ev("2025-02-25-karachi-chinese-nationals-suicide-attack", "bombing", "2025-02-25", SD, "Karachi South", "Karachi",
               killed=1, injured=3, attackers_killed=1, perpetrator=BLA, attribution="claimed", target_type="foreigners", suicide=True),
        ], tags=["foreigners"]),

    art("bannu-attack-toll-rises-to-12-hafiz-gul-bahadur-group-claims-responsibility", "Bannu attack toll rises to 12; Hafiz Gul Bahadur group claims responsibility",
        "2025-03-06T08:15:00+05:00", "News Desk", [
            "BANNU: The death toll from Tuesday's suicide bombing at a security checkpost in Bannu rose to 12 on Wednesday after five more injured people died in hospital, officials said.",
            "Hospital officials said 19 injured people were still under treatment, some of them in critical condition.",
            "The Hafiz Gul Bahadur group, a militant faction based in North Waziristan, claimed responsibility for the attack in a statement to the media.",
            "The attack, carried out with an explosives-laden vehicle, destroyed the checkpost and damaged nearby houses and shops.",
            "Traders in Bannu observed a complete strike on Wednesday to mourn the victims and to protest against the deteriorating law and order situation in the district.",
            "The federal interior minister said the government would take strict action against the militants and their facilitators.",
        ], events=[
            ev("2025-03-04-bannu-suicide-checkpost", "bombing", "2025-03-04", KP, "Bannu", "Bannu",
               killed=12, injured=19, perpetrator=HGB, attribution="claimed", target_type="security_forces", suicide=True),
        ], tags=["multi_outlet", "claim_later"]),

    art("sindh-budget-raises-allocation-for-police", "Sindh budget raises allocation for police and CTD",
        "2025-03-19T19:30:00+05:00", "Business Desk", [
            "KARACHI: The Sindh government has raised the allocation for the police and the Counter-Terrorism Department in its revised budget, officials said on Tuesday.",
            "According to the finance department, the increase would be used to purchase new vehicles, weapons and equipment for the police, and to recruit more personnel for the CTD.",
            "The provincial finance minister said the government was committed to improving the security of the province and protecting foreign investors working on projects in Sindh.",
            "Opposition members criticised the budget, saying that the government had cut development spending in rural areas to fund the police.",
            "Analysts said the increased allocation was a response to the growing threat of terrorism in the province, particularly in Karachi.",
            "The budget also includes funds for the installation of safe city cameras in Karachi, Hyderabad and Sukkur.",
        ], tags=["no_incident"], section="Business"),

    art("ctd-foils-terror-plot-in-rawalpindi", "CTD foils terror plot, arrests would-be suicide bomber in Rawalpindi",
        "2025-04-15T09:20:00+05:00", "Staff Reporter", [
            "RAWALPINDI: The Counter-Terrorism Department of Punjab said on Monday that it had foiled a terror plot and arrested a would-be suicide bomber in Rawalpindi.",
            "According to a CTD spokesman, the suspect was arrested during an intelligence-based operation and a suicide vest and hand grenades were recovered from him.",
            "The spokesman said the suspect belonged to the banned Tehreek-i-Taliban Pakistan and had planned to attack a police facility in the city. No one was hurt during the operation.",
            "The suspect was shifted to an undisclosed location for interrogation, and raids were being conducted to arrest his accomplices.",
            "The Punjab chief minister praised the CTD for averting a major tragedy.",
            "Security has been tightened across Punjab in recent months in view of the threat of terrorism.",
        ], events=[
            ev("2025-04-14-rawalpindi-suicide-plot-foiled", "bombing", "2025-04-14", PB, "Rawalpindi", "Rawalpindi",
               killed=0, injured=0, perpetrator=TTP, attribution="blamed", target_type="police", suicide=True),
        ], tags=["foiled"]),

    art("six-soldiers-martyred-in-kech-bombing", "Six soldiers martyred in Kech bombing claimed by BLA",
        "2025-05-09T08:40:00+05:00", "News Desk", [
            "QUETTA: Six soldiers of the Frontier Corps were martyred and six others injured in a roadside bombing in the Kech district of Balochistan on Tuesday, officials said.",
            "Four soldiers were killed on the spot, while two others succumbed to their injuries in hospital on Wednesday.",
            "The Baloch Liberation Army claimed responsibility for the attack, which targeted an FC convoy near Turbat.",
            "The ISPR said that the security forces were determined to eliminate terrorism from Balochistan.",
            "Security has been tightened in Kech and other districts of southern Balochistan following the attack.",
            "The prime minister and the president condemned the attack and paid tribute to the soldiers.",
        ], events=[
            ev("2025-05-06-kech-ied-fc-convoy", "bombing", "2025-05-06", BA, "Kech", "Turbat",
               killed=6, injured=6, perpetrator=BLA, attribution="claimed", target_type="security_forces"),
        ], tags=["multi_outlet"]),

    art("karachi-kings-lift-national-t20-title", "Karachi lift National T20 Cup title in thrilling final",
        "2025-06-11T23:00:00+05:00", "Sports Desk", [
            "KARACHI: Karachi Whites won the National T20 Cup on Tuesday night, beating Lahore Blues by four runs in a thrilling final at the National Bank Stadium.",
            "Batting first, Karachi Whites posted 168 for seven in their 20 overs, thanks to a quickfire half-century from their captain. Lahore Blues were on course for victory until a late collapse saw them finish on 164 for eight.",
            "The crowd of around 20,000 spectators cheered every boundary and wicket, creating a festive atmosphere at the stadium.",
            "The captain of the winning team dedicated the victory to the people of Karachi. \"This is for the fans who came out in such large numbers,\" he said.",
            "The tournament, which featured teams from across the country, was seen as an important platform for young players hoping to break into the national side.",
            "Police made tight security arrangements for the final, and the match passed off peacefully.",
        ], tags=["no_incident"], section="Sport"),

    art("bajaur-blast-toll-climbs-to-14-iskp-claims-attack", "Bajaur blast toll climbs to 14; ISKP claims attack",
        "2025-07-08T08:00:00+05:00", "News Desk", [
            "PESHAWAR: The death toll from Sunday's suicide bombing at an Awami National Party convention in Bajaur rose to 14 on Monday, officials said.",
            "Hospital officials said 25 people injured in the attack were still under treatment in Khar and Peshawar.",
            "The Islamic State Khorasan Province (ISKP) claimed responsibility for the attack through its news agency, saying it had targeted \"apostate\" politicians.",
            "The ANP has been a frequent target of militant groups because of its opposition to extremism.",
            "The party's central leadership called for a nationwide day of mourning and demanded a judicial inquiry into the security lapses.",
            "The Khyber Pakhtunkhwa government announced additional security for political gatherings in the province.",
        ], events=[
            ev("2025-07-06-bajaur-anp-convention-suicide", "bombing", "2025-07-06", KP, "Bajaur", "Khar",
               killed=14, injured=25, perpetrator=ISKP, attribution="claimed", target_type="political", suicide=True),
        ], tags=["multi_outlet", "claim_later"]),

    art("quetta-blast-death-toll-rises-to-eight", "Quetta blast death toll rises to eight",
        "2025-08-07T08:25:00+05:00", "News Desk", [
            "QUETTA: The death toll from Tuesday's bomb blast targeting a police vehicle in Quetta rose to eight on Wednesday after three injured people succumbed to their wounds, officials said.",
            "Hospital officials said 15 people injured in the blast were still under treatment.",
            "No group had claimed responsibility for the attack by Wednesday evening.",
            "Funeral prayers for the victims were offered in Quetta and attended by senior officials.",
            "Security was tightened across the city after the blast, and police and FC personnel were deployed at sensitive locations.",
            "The Balochistan chief minister said the government would not allow terrorists to disrupt peace in the province.",
        ], events=[
            ev("2025-08-05-quetta-police-vehicle-blast", "bombing", "2025-08-05", BA, "Quetta", "Quetta",
               killed=8, injured=15, target_type="police"),
        ], tags=["multi_outlet"]),

    art("four-policemen-injured-in-grenade-attack-in-karachi", "Four policemen injured in grenade attack in Karachi",
        "2025-08-28T08:50:00+05:00", "Tariq Soomro", [
            "KARACHI: Four policemen were injured when unidentified men threw a hand grenade at a police van in Karachi's Lyari area on Wednesday night, police said.",
            "According to police, the attackers fled after throwing the grenade. The injured policemen were shifted to the Civil Hospital, where their condition was stated to be stable. No one was killed.",
            "The Sindhudesh Revolutionary Army claimed responsibility for the attack in a statement to the media.",
            "Police said they were investigating the attack and had collected evidence from the scene.",
            "The Sindh home minister condemned the attack and directed the police to arrest the culprits.",
            "The SRA has carried out small-scale attacks in Sindh in the past, mostly targeting security forces and foreign nationals.",
        ], events=[
            ev("2025-08-27-karachi-grenade-police-van", "bombing", "2025-08-27", SD, "Karachi South", "Karachi",
               killed=0, injured=4, perpetrator=SRA, attribution="claimed", target_type="police"),
        ], tags=["grenade"]),

    art("polio-worker-killed-pylons-blown-up-bomb-defused", "Polio worker killed, pylons blown up, bomb defused in separate incidents",
        "2025-09-16T08:35:00+05:00", "News Desk", [
            "PESHAWAR/QUETTA: A polio worker was shot dead in Khyber district, militants blew up electricity pylons in Nasirabad, and a bomb was defused in Zhob in separate incidents on Monday, officials said.",
            "In Khyber district, a polio worker was shot dead by unidentified gunmen in Jamrud. Police said the worker was going door to door when he was attacked.",
            "In Nasirabad, unidentified men blew up two electricity pylons near Dera Murad Jamali, cutting off power to several areas. No one was hurt, officials said.",
            "In Zhob, the bomb disposal squad defused an improvised explosive device planted on a road used by security forces. No one was hurt, officials said.",
            "No group claimed responsibility for any of the incidents.",
            "Officials said search operations had been launched in all three areas.",
        ], events=[
            ev("2025-09-15-khyber-polio-worker-jamrud", "targeted_killing", "2025-09-15", KP, "Khyber", "Jamrud",
               killed=1, target_type="civilians"),
            ev("2025-09-15-nasirabad-pylons-blown", "infrastructure_attack", "2025-09-15", BA, "Nasirabad", "Dera Murad Jamali",
               killed=0, injured=0, target_type="infrastructure"),
            ev("2025-09-15-zhob-ied-defused", "bombing", "2025-09-15", BA, "Zhob", "Zhob",
               killed=0, injured=0, target_type="security_forces"),
        ], tags=["roundup", "foiled", "infrastructure", "targeted_killing"]),

    art("imf-approves-next-tranche", "IMF approves next tranche for Pakistan",
        "2025-10-02T21:00:00+05:00", "Business Desk", [
            "KARACHI: The International Monetary Fund has approved the next tranche of its loan programme for Pakistan, the finance ministry said on Wednesday.",
            "The finance minister said the approval reflected the progress made by the government in implementing economic reforms.",
            "Analysts said the approval would boost investor confidence and help stabilise the economy.",
            "The stock market rose sharply on the news, and the rupee strengthened against the dollar.",
            "Business leaders welcomed the approval but called on the government to reduce the cost of doing business.",
            "The IMF said Pakistan needed to continue with reforms to broaden the tax base and reduce the fiscal deficit.",
        ], tags=["no_incident"], section="Business"),

    art("di-khan-attack-toll-rises-to-10-ttp-claims-responsibility", "D.I. Khan attack toll rises to 10; TTP claims responsibility",
        "2025-10-16T08:10:00+05:00", "News Desk", [
            "DERA ISMAIL KHAN: The death toll from Tuesday night's attack on a police training school in Dera Ismail Khan rose to 10 policemen, officials said on Wednesday, as the security forces completed the clearance operation.",
            "Officials said six attackers were killed in the operation, which lasted more than 12 hours. Sixteen people were injured in the attack.",
            "The Tehrik-i-Taliban Pakistan (TTP) claimed responsibility for the attack in a statement.",
            "Funeral prayers for the martyred policemen were offered at the police lines in DI Khan.",
            "The prime minister and the chief minister condemned the attack and paid tribute to the police.",
            "The attack was one of the deadliest on the police in Khyber Pakhtunkhwa this year.",
        ], events=[
            ev("2025-10-14-di-khan-police-training-school-attack", "armed_assault", "2025-10-14", KP, "Dera Ismail Khan", "Dera Ismail Khan",
               killed=10, injured=16, attackers_killed=6, perpetrator=TTP, attribution="claimed", target_type="police"),
        ], tags=["multi_outlet", "claim_later"]),

    art("seminar-on-extremism-held-in-karachi", "Seminar on extremism calls for education reforms",
        "2025-11-06T16:00:00+05:00", "Sadia Qureshi", [
            "KARACHI: Speakers at a seminar on extremism held in Karachi on Wednesday called for education reforms and greater tolerance to counter the spread of extremist ideas.",
            "The seminar was organised by a civil society organisation and attended by academics, religious scholars and students.",
            "Speakers said that extremism could only be defeated through education, dialogue and the promotion of tolerance.",
            "They called on the government to reform the curriculum and to regulate seminaries.",
            "A professor of the University of Karachi said young people needed to be taught critical thinking.",
            "The seminar ended with a resolution calling for a national strategy against extremism.",
        ], tags=["no_incident"]),

    art("four-soldiers-martyred-in-north-waziristan-ambush", "Four soldiers martyred in North Waziristan ambush",
        "2025-11-21T08:20:00+05:00", "News Desk", [
            "MIR ALI: Four soldiers were martyred and two others injured when militants ambushed a security forces convoy near Mir Ali in North Waziristan on Thursday, officials said.",
            "The militants opened fire on the convoy from the mountains overlooking the road in N. Waziristan. The soldiers returned fire and the attackers fled after a brief exchange.",
            "The Hafiz Gul Bahadur group claimed responsibility for the attack.",
            "The attack comes months after a suicide bomber killed 12 people at a checkpost in Bannu in March, one of the deadliest attacks this year.",
            "Security forces launched a search operation in the area.",
            "The ISPR said the security forces were determined to eliminate terrorism.",
        ], events=[
            ev("2025-11-20-north-waziristan-convoy-ambush", "armed_assault", "2025-11-20", KP, "North Waziristan", "Mir Ali",
               killed=4, injured=2, perpetrator=HGB, attribution="claimed", target_type="security_forces"),
        ], tags=["armed_assault", "recap"]),

    art("religious-scholar-shot-dead-in-karachi", "Religious scholar shot dead in Karachi",
        "2025-12-03T08:45:00+05:00", "Faraz Memon", [
            "KARACHI: A Shia religious scholar was shot dead by unidentified gunmen in Karachi on Tuesday, police said.",
            "The scholar was leaving a mosque after prayers when he was attacked by two men on a motorcycle.",
            "Police said the killing appeared to be sectarian and suspected the involvement of the banned Lashkar-e-Jhangvi.",
            "Members of the Shia community staged a protest and demanded the arrest of the killers.",
            "The Sindh chief minister condemned the killing and directed the police to arrest the culprits.",
            "Karachi has witnessed several sectarian killings in the past.",
        ], events=[
            ev("2025-12-02-karachi-religious-scholar-killed", "targeted_killing", "2025-12-02", SD, "Karachi South", "Karachi",
               killed=1, perpetrator=LEJ, attribution="blamed", target_type="religious"),
        ], tags=["targeted_killing"]),

    art("police-repulse-attack-on-mianwali-post", "Police repulse attack on Mianwali post; two attackers killed",
        "2025-12-13T09:00:00+05:00", "Staff Reporter", [
            "MIANWALI: Police repulsed an attack by militants on a police post in Mianwali on Friday, killing two attackers, officials said.",
            "A policeman was injured in the exchange of fire. No policeman was killed, officials said.",
            "Police said the attackers belonged to the Tehrik-i-Taliban Pakistan and had come from the neighbouring Khyber Pakhtunkhwa.",
            "The Punjab chief minister praised the police for repulsing the attack.",
            "Security was tightened in Mianwali and other districts bordering Khyber Pakhtunkhwa.",
            "The Inspector General of Punjab Police announced rewards for the policemen.",
        ], events=[
            ev("2025-12-12-mianwali-police-post-attack", "armed_assault", "2025-12-12", PB, "Mianwali", "Mianwali",
               killed=0, injured=1, attackers_killed=2, perpetrator=TTP, attribution="blamed", target_type="police"),
        ], tags=["armed_assault"]),
]

PRIVATE_PAGE = {
    "title": "Leaked memo: threat alert for Karachi",
    "paragraphs": [
        "KARACHI: This internal page is not meant for crawlers. It contains a draft memo about a threat alert.",
        "Editors' note: do not publish. Figures and names are unverified and must not be indexed.",
    ],
}
